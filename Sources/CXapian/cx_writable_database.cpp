// WritableDatabase: the single writer of an index.
#include "cx_internal.hh"

using cx::guard;
using cx::str;

extern "C" {

cx_status cx_writable_database_open(const char *path, cx_open_mode mode, cx_writable_database **out, cx_error *err) {
    return guard(err, [&] {
        int action = Xapian::DB_CREATE_OR_OPEN;
        switch (mode) {
            case CX_OPEN_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
            case CX_OPEN_CREATE: action = Xapian::DB_CREATE; break;
            case CX_OPEN_CREATE_OR_OVERWRITE: action = Xapian::DB_CREATE_OR_OVERWRITE; break;
            case CX_OPEN_OPEN: action = Xapian::DB_OPEN; break;
            default: throw Xapian::InvalidArgumentError("unknown cx_open_mode");
        }
        std::unique_ptr<cx_writable_database> h(new cx_writable_database);
        h->base.db.reset(new Xapian::WritableDatabase(path ? path : "", action));
        *out = h.release();
    });
}

void cx_writable_database_free(cx_writable_database *db) { cx::guard_void([&] { delete db; }); }

cx_database *cx_writable_database_as_database(cx_writable_database *db) { return db ? &db->base : nullptr; }

cx_status cx_writable_database_add_document(cx_writable_database *db, const cx_document *doc, uint32_t *out_id,
                                            cx_error *err) {
    return guard(err, [&] {
        Xapian::docid id = db->w().add_document(doc->doc);
        if (out_id) *out_id = id;
    });
}

cx_status cx_writable_database_replace_document_by_term(cx_writable_database *db, const char *term, size_t term_len,
                                                        const cx_document *doc, uint32_t *out_id, cx_error *err) {
    return guard(err, [&] {
        Xapian::docid id = db->w().replace_document(str(term, term_len), doc->doc);
        if (out_id) *out_id = id;
    });
}

cx_status cx_writable_database_replace_document(cx_writable_database *db, uint32_t id, const cx_document *doc,
                                                cx_error *err) {
    return guard(err, [&] { db->w().replace_document(id, doc->doc); });
}

cx_status cx_writable_database_delete_document(cx_writable_database *db, uint32_t id, cx_error *err) {
    return guard(err, [&] { db->w().delete_document(id); });
}

cx_status cx_writable_database_delete_documents_by_term(cx_writable_database *db, const char *term, size_t term_len,
                                                        cx_error *err) {
    return guard(err, [&] { db->w().delete_document(str(term, term_len)); });
}

cx_status cx_writable_database_commit(cx_writable_database *db, cx_error *err) {
    return guard(err, [&] { db->w().commit(); });
}

cx_status cx_writable_database_begin_transaction(cx_writable_database *db, bool flushed, cx_error *err) {
    return guard(err, [&] { db->w().begin_transaction(flushed); });
}

cx_status cx_writable_database_commit_transaction(cx_writable_database *db, cx_error *err) {
    return guard(err, [&] { db->w().commit_transaction(); });
}

cx_status cx_writable_database_cancel_transaction(cx_writable_database *db, cx_error *err) {
    return guard(err, [&] { db->w().cancel_transaction(); });
}

cx_status cx_writable_database_set_metadata(cx_writable_database *db, const char *key, size_t key_len,
                                            const char *value, size_t value_len, cx_error *err) {
    return guard(err, [&] { db->w().set_metadata(str(key, key_len), str(value, value_len)); });
}

cx_status cx_writable_database_add_spelling(cx_writable_database *db, const char *word, size_t word_len,
                                            unsigned increment, cx_error *err) {
    return guard(err, [&] { db->w().add_spelling(str(word, word_len), increment); });
}

cx_status cx_writable_database_remove_spelling(cx_writable_database *db, const char *word, size_t word_len,
                                               unsigned decrement, cx_error *err) {
    return guard(err, [&] { db->w().remove_spelling(str(word, word_len), decrement); });
}

cx_status cx_writable_database_add_synonym(cx_writable_database *db, const char *term, size_t term_len,
                                           const char *synonym, size_t synonym_len, cx_error *err) {
    return guard(err, [&] { db->w().add_synonym(str(term, term_len), str(synonym, synonym_len)); });
}

cx_status cx_writable_database_remove_synonym(cx_writable_database *db, const char *term, size_t term_len,
                                              const char *synonym, size_t synonym_len, cx_error *err) {
    return guard(err, [&] { db->w().remove_synonym(str(term, term_len), str(synonym, synonym_len)); });
}

cx_status cx_writable_database_clear_synonyms(cx_writable_database *db, const char *term, size_t term_len,
                                              cx_error *err) {
    return guard(err, [&] { db->w().clear_synonyms(str(term, term_len)); });
}

} // extern "C"
