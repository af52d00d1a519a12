// Read-side Database calls; they also serve WritableDatabase through its embedded base handle.
#include "cx_internal.hh"

#include <algorithm>

using cx::guard;
using cx::str;

extern "C" {

cx_status cx_database_open(const char *path, cx_database **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_database> h(new cx_database);
        h->db.reset(new Xapian::Database(path ? path : ""));
        *out = h.release();
    });
}

cx_status cx_database_new_empty(cx_database **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_database> h(new cx_database);
        h->db.reset(new Xapian::Database());
        *out = h.release();
    });
}

void cx_database_free(cx_database *db) { cx::guard_void([&] { delete db; }); }

cx_status cx_database_add_database(cx_database *db, const cx_database *other, cx_error *err) {
    return guard(err, [&] { db->db->add_database(*other->db); });
}

cx_status cx_database_reopen(cx_database *db, bool *changed, cx_error *err) {
    return guard(err, [&] {
        bool c = db->db->reopen();
        if (changed) *changed = c;
    });
}

cx_status cx_database_close(cx_database *db, cx_error *err) {
    return guard(err, [&] { db->db->close(); });
}

cx_status cx_database_get_doccount(const cx_database *db, uint32_t *out, cx_error *err) {
    return guard(err, [&] { *out = db->db->get_doccount(); });
}

cx_status cx_database_get_lastdocid(const cx_database *db, uint32_t *out, cx_error *err) {
    return guard(err, [&] { *out = db->db->get_lastdocid(); });
}

cx_status cx_database_get_document(const cx_database *db, uint32_t id, cx_document **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_document> h(new cx_document);
        // DOC_ASSUME_VALID is not used: we want DocNotFoundError now, not on first access.
        h->doc = db->db->get_document(id);
        *out = h.release();
    });
}

cx_status cx_database_term_exists(const cx_database *db, const char *term, size_t term_len, bool *out, cx_error *err) {
    return guard(err, [&] { *out = db->db->term_exists(str(term, term_len)); });
}

cx_status cx_database_get_termfreq(const cx_database *db, const char *term, size_t term_len, uint32_t *out,
                                   cx_error *err) {
    return guard(err, [&] { *out = db->db->get_termfreq(str(term, term_len)); });
}

cx_status cx_database_postings(const cx_database *db, const char *term, size_t term_len, uint32_t **out,
                               size_t *out_count, cx_error *err) {
    return guard(err, [&] {
        std::vector<uint32_t> ids;
        const std::string t = str(term, term_len);
        for (auto it = db->db->postlist_begin(t); it != db->db->postlist_end(t); ++it) ids.push_back(*it);
        uint32_t *buf = static_cast<uint32_t *>(std::malloc(sizeof(uint32_t) * (ids.empty() ? 1 : ids.size())));
        if (!buf) throw std::bad_alloc();
        if (!ids.empty()) std::memcpy(buf, ids.data(), sizeof(uint32_t) * ids.size());
        *out = buf;
        *out_count = ids.size();
    });
}

cx_status cx_database_which_have_term(const cx_database *db, const char *term, size_t term_len, const uint32_t *ids,
                                     size_t count, bool *out, cx_error *err) {
    return guard(err, [&] {
        std::vector<std::pair<uint32_t, size_t>> order;  // (docid, index in ids), ascending by docid
        order.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            order.emplace_back(ids[i], i);
            out[i] = false;
        }
        std::sort(order.begin(), order.end());
        const std::string t = str(term, term_len);
        auto it = db->db->postlist_begin(t);
        const auto end = db->db->postlist_end(t);
        for (const auto &entry : order) {
            if (it == end) break;
            it.skip_to(entry.first);
            if (it != end && *it == entry.first) out[entry.second] = true;
        }
    });
}

cx_status cx_database_all_terms(const cx_database *db, const char *prefix, size_t prefix_len, cx_termlist **out,
                                cx_error *err) {
    return guard(err, [&] {
        const std::string p = str(prefix, prefix_len);
        *out = cx::collect(db->db->allterms_begin(p), db->db->allterms_end(p),
                           [](const Xapian::TermIterator &it) { return uint64_t(it.get_termfreq()); });
    });
}

cx_status cx_database_get_metadata(const cx_database *db, const char *key, size_t key_len, char **out,
                                   size_t *out_len, cx_error *err) {
    return guard(err, [&] { cx::out_string(db->db->get_metadata(str(key, key_len)), out, out_len); });
}

cx_status cx_database_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len, cx_termlist **out,
                                    cx_error *err) {
    return guard(err, [&] {
        const std::string p = str(prefix, prefix_len);
        *out = cx::collect(db->db->metadata_keys_begin(p), db->db->metadata_keys_end(p),
                           [](const Xapian::TermIterator &) { return uint64_t(0); });
    });
}

cx_status cx_database_spelling_suggestion(const cx_database *db, const char *word, size_t word_len,
                                          unsigned max_edit_distance, char **out, size_t *out_len, cx_error *err) {
    return guard(err, [&] {
        cx::out_string(db->db->get_spelling_suggestion(str(word, word_len), max_edit_distance), out, out_len);
    });
}

cx_status cx_database_synonyms(const cx_database *db, const char *term, size_t term_len, cx_termlist **out,
                               cx_error *err) {
    return guard(err, [&] {
        const std::string t = str(term, term_len);
        *out = cx::collect(db->db->synonyms_begin(t), db->db->synonyms_end(t),
                           [](const Xapian::TermIterator &) { return uint64_t(0); });
    });
}

cx_status cx_database_synonym_keys(const cx_database *db, const char *prefix, size_t prefix_len, cx_termlist **out,
                                   cx_error *err) {
    return guard(err, [&] {
        const std::string p = str(prefix, prefix_len);
        *out = cx::collect(db->db->synonym_keys_begin(p), db->db->synonym_keys_end(p),
                           [](const Xapian::TermIterator &) { return uint64_t(0); });
    });
}

cx_status cx_database_get_uuid(const cx_database *db, char **out, size_t *out_len, cx_error *err) {
    return guard(err, [&] { cx::out_string(db->db->get_uuid(), out, out_len); });
}

cx_status cx_database_get_revision(const cx_database *db, uint64_t *out, cx_error *err) {
    return guard(err, [&] { *out = uint64_t(db->db->get_revision()); });
}

} // extern "C"
