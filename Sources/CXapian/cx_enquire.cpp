// Enquire, MSet and match spies: running a query and reading its results.
#include "cx_internal.hh"

#include <map>

#include <algorithm>

using cx::guard;
using cx::str;

static Xapian::RSet make_rset(const uint32_t *relevant, size_t count) {
    Xapian::RSet rset;
    for (size_t i = 0; i < count; ++i) rset.add_document(relevant[i]);
    return rset;
}

namespace {

/// Xapian's ValueCountMatchSpy, reading each match's value from the value table.
struct ValueCountSpy final : cx_matchspy {
    explicit ValueCountSpy(Xapian::valueno slot) : counter(slot) {}

    Xapian::MatchSpy &spy() override { return counter; }
    uint32_t total() const override { return counter.get_total(); }
    std::vector<std::pair<std::string, uint64_t>> counts() const override {
        std::vector<std::pair<std::string, uint64_t>> out;
        for (auto it = counter.values_begin(); it != counter.values_end(); ++it) out.emplace_back(*it, it.get_termfreq());
        return out;
    }

    Xapian::ValueCountMatchSpy counter;
};

/// Counts the terms with one prefix in each matching document (a many-valued facet such as the
/// people at a meeting, which a value slot cannot hold): the document's term list from the
/// prefix on. Local databases only: a remote matcher cannot run it (no serialisation).
class TermPrefixCounter final : public Xapian::MatchSpy {
  public:
    explicit TermPrefixCounter(std::string prefix) : prefix(std::move(prefix)) {}

    void operator()(const Xapian::Document &doc, double) override {
        ++seen;
        auto it = doc.termlist_begin();
        it.skip_to(prefix);
        for (; it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            if (term.size() > prefix.size()) ++counts[term.substr(prefix.size())];
        }
    }

    std::string prefix;
    uint32_t seen = 0;
    std::map<std::string, uint64_t> counts;
};

struct TermPrefixSpy final : cx_matchspy {
    explicit TermPrefixSpy(std::string prefix) : counter(std::move(prefix)) {}

    Xapian::MatchSpy &spy() override { return counter; }
    uint32_t total() const override { return counter.seen; }
    std::vector<std::pair<std::string, uint64_t>> counts() const override {
        return {counter.counts.begin(), counter.counts.end()};
    }

    TermPrefixCounter counter;
};

}  // namespace

extern "C" {

cx_status cx_termprefix_matchspy_new(const char *prefix, size_t prefix_len, cx_matchspy **out, cx_error *err) {
    return guard(err, [&] { *out = new TermPrefixSpy(str(prefix, prefix_len)); });
}

cx_status cx_enquire_new(const cx_database *db, cx_enquire **out, cx_error *err) {
    return guard(err, [&] { *out = new cx_enquire(*db->db); });
}

void cx_enquire_free(cx_enquire *enq) { cx::guard_void([&] { delete enq; }); }

cx_status cx_enquire_set_query(cx_enquire *enq, const cx_query *query, cx_error *err) {
    return guard(err, [&] { enq->enq.set_query(query ? query->q : Xapian::Query()); });
}

cx_status cx_enquire_set_weighting_bm25(cx_enquire *enq, double k1, double k2, double k3, double b,
                                        double min_normlen, cx_error *err) {
    return guard(err, [&] { enq->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen)); });
}

cx_status cx_enquire_set_weighting_bool(cx_enquire *enq, cx_error *err) {
    return guard(err, [&] { enq->enq.set_weighting_scheme(Xapian::BoolWeight()); });
}

cx_status cx_enquire_set_weighting_tfidf(cx_enquire *enq, cx_error *err) {
    return guard(err, [&] { enq->enq.set_weighting_scheme(Xapian::TfIdfWeight()); });
}

void cx_enquire_sort_by_relevance(cx_enquire *enq) { cx::guard_void([&] { enq->enq.set_sort_by_relevance(); }); }

void cx_enquire_sort_by_value(cx_enquire *enq, uint32_t slot, bool reverse) {
    cx::guard_void([&] { enq->enq.set_sort_by_value(slot, reverse); });
}

void cx_enquire_sort_by_value_then_relevance(cx_enquire *enq, uint32_t slot, bool reverse) {
    cx::guard_void([&] { enq->enq.set_sort_by_value_then_relevance(slot, reverse); });
}

void cx_enquire_sort_by_relevance_then_value(cx_enquire *enq, uint32_t slot, bool reverse) {
    cx::guard_void([&] { enq->enq.set_sort_by_relevance_then_value(slot, reverse); });
}

void cx_enquire_set_collapse_key(cx_enquire *enq, bool enabled, uint32_t slot, uint32_t max_per_key) {
    cx::guard_void([&] { enq->enq.set_collapse_key(enabled ? slot : Xapian::BAD_VALUENO, max_per_key); });
}

void cx_enquire_set_docid_order(cx_enquire *enq, cx_docid_order order) {
    cx::guard_void([&] {
        switch (order) {
            case CX_DOCID_ASCENDING: enq->enq.set_docid_order(Xapian::Enquire::ASCENDING); break;
            case CX_DOCID_DESCENDING: enq->enq.set_docid_order(Xapian::Enquire::DESCENDING); break;
            case CX_DOCID_DONT_CARE: enq->enq.set_docid_order(Xapian::Enquire::DONT_CARE); break;
        }
    });
}

cx_status cx_enquire_add_matchspy(cx_enquire *enq, cx_matchspy *spy, cx_error *err) {
    // Not release()d: the cx_matchspy owns the spy, so its counts stay readable after the match.
    return guard(err, [&] { enq->enq.add_matchspy(&spy->spy()); });
}

void cx_enquire_clear_matchspies(cx_enquire *enq) { cx::guard_void([&] { enq->enq.clear_matchspies(); }); }

cx_status cx_enquire_get_mset(cx_enquire *enq, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                              const uint32_t *relevant, size_t relevant_count, cx_mset **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_mset> h(new cx_mset);
        if (relevant_count) {
            Xapian::RSet rset = make_rset(relevant, relevant_count);
            h->mset = enq->enq.get_mset(first, max_items, check_at_least, &rset);
        } else {
            h->mset = enq->enq.get_mset(first, max_items, check_at_least);
        }
        *out = h.release();
    });
}

cx_status cx_enquire_get_eset(cx_enquire *enq, const uint32_t *relevant, size_t relevant_count, uint32_t max_items,
                              bool exclude_query_terms, cx_termlist **out, cx_error *err) {
    return guard(err, [&] {
        Xapian::RSet rset = make_rset(relevant, relevant_count);
        int flags = exclude_query_terms ? 0 : Xapian::Enquire::INCLUDE_QUERY_TERMS;
        Xapian::ESet eset = enq->enq.get_eset(max_items, rset, flags);
        std::unique_ptr<cx_termlist> list(new cx_termlist);
        for (auto it = eset.begin(); it != eset.end(); ++it) list->rows.push_back({*it, 0, it.get_weight()});
        *out = list.release();
    });
}

void cx_mset_free(cx_mset *mset) { cx::guard_void([&] { delete mset; }); }

uint32_t cx_mset_size(const cx_mset *mset) { return mset->mset.size(); }

uint32_t cx_mset_matches_estimated(const cx_mset *mset) { return mset->mset.get_matches_estimated(); }

uint32_t cx_mset_matches_lower_bound(const cx_mset *mset) { return mset->mset.get_matches_lower_bound(); }

uint32_t cx_mset_matches_upper_bound(const cx_mset *mset) { return mset->mset.get_matches_upper_bound(); }

cx_status cx_mset_get_hit(const cx_mset *mset, uint32_t index, cx_hit *out, cx_error *err) {
    return guard(err, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("MSet hit index out of range");
        Xapian::MSetIterator it = mset->mset[index];
        cx_hit hit{};
        hit.docid = *it;
        hit.rank = it.get_rank();
        hit.percent = it.get_percent();
        hit.weight = it.get_weight();
        hit.collapse_count = it.get_collapse_count();
        cx::out_string(it.get_collapse_key(), &hit.collapse_key, &hit.collapse_key_len);
        *out = hit;
    });
}

cx_status cx_mset_get_document(const cx_mset *mset, uint32_t index, cx_document **out, cx_error *err) {
    return guard(err, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("MSet hit index out of range");
        std::unique_ptr<cx_document> h(new cx_document);
        h->doc = mset->mset[index].get_document();
        *out = h.release();
    });
}

cx_status cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_len, size_t length,
                          const cx_stem *stem, unsigned flags, const char *hi_start, size_t hi_start_len,
                          const char *hi_end, size_t hi_end_len, const char *omit, size_t omit_len, char **out,
                          size_t *out_len, cx_error *err) {
    return guard(err, [&] {
        std::string s = mset->mset.snippet(str(text, text_len), length, stem ? stem->stem : Xapian::Stem(), flags,
                                           str(hi_start, hi_start_len), str(hi_end, hi_end_len),
                                           str(omit, omit_len));
        cx::out_string(s, out, out_len);
    });
}

cx_status cx_mset_termfreq(const cx_mset *mset, const char *term, size_t term_len, uint32_t *out, cx_error *err) {
    return guard(err, [&] { *out = mset->mset.get_termfreq(str(term, term_len)); });
}

cx_status cx_valuecount_matchspy_new(uint32_t slot, cx_matchspy **out, cx_error *err) {
    return guard(err, [&] { *out = new ValueCountSpy(slot); });
}

void cx_matchspy_free(cx_matchspy *spy) { cx::guard_void([&] { delete spy; }); }

uint32_t cx_matchspy_get_total(const cx_matchspy *spy) { return spy->total(); }

cx_status cx_matchspy_top_values(const cx_matchspy *spy, uint32_t max_values, cx_termlist **out, cx_error *err) {
    return guard(err, [&] {
        auto counts = spy->counts();
        // As ValueCountMatchSpy::top_values: most frequent first, equal counts in value order.
        auto by_count = [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
        size_t keep = std::min<size_t>(max_values, counts.size());
        std::partial_sort(counts.begin(), counts.begin() + keep, counts.end(), by_count);
        std::unique_ptr<cx_termlist> list(new cx_termlist);
        for (size_t i = 0; i < keep; ++i) list->rows.push_back({counts[i].first, counts[i].second, 0.0});
        *out = list.release();
    });
}

cx_status cx_matchspy_values(const cx_matchspy *spy, cx_termlist **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_termlist> list(new cx_termlist);
        for (auto &row : spy->counts()) list->rows.push_back({row.first, row.second, 0.0});
        *out = list.release();
    });
}

} // extern "C"
