// A random sample of the documents, as a query: what facet counts over a huge match set are
// estimated from (Searcher scales the sample's counts back up).
//
// Xapian 1.4 has no sampling of its own: a match stopped early by check_at_least has seen the
// lowest document ids, i.e. the earliest indexed, which biases date facets. This posting source
// picks document ids by a hash instead, so the sample is spread evenly over the whole index
// whatever order it was built in, and the same ids are picked every time.
#include "cx_internal.hh"

namespace {

/// The documents whose id hashes to 0 modulo `rate` (a power of two).
class SampledDocuments final : public Xapian::PostingSource {
  public:
    SampledDocuments(uint32_t rate, uint32_t seed) : rate_mask(rate - 1), seed(seed) {}

    void init(const Xapian::Database &db) override {
        last = db.get_lastdocid();
        current = 0;
        count = db.get_doccount();
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return count / (rate_mask + 1); }
    Xapian::doccount get_termfreq_max() const override { return count; }

    void next(double) override { advance_from(current + 1); }

    void skip_to(Xapian::docid did, double) override {
        if (did > current) advance_from(did);
    }

    bool at_end() const override { return current > last; }
    Xapian::docid get_docid() const override { return current; }

    PostingSource *clone() const override { return new SampledDocuments(rate_mask + 1, seed); }

    std::string get_description() const override {
        return "SampledDocuments(1 in " + std::to_string(rate_mask + 1) + ")";
    }

  private:
    /// Moves to the first sampled id at or after `did` (past `last` when there is none).
    void advance_from(Xapian::docid did) {
        while (did <= last && (mix(did ^ seed) & rate_mask) != 0) ++did;
        current = did;
    }

    /// MurmurHash3's 32-bit finaliser: neighbouring ids land far apart.
    static uint32_t mix(uint32_t h) {
        h ^= h >> 16;
        h *= 0x85ebca6bU;
        h ^= h >> 13;
        h *= 0xc2b2ae35U;
        h ^= h >> 16;
        return h;
    }

    uint32_t rate_mask;
    uint32_t seed;
    Xapian::docid last = 0;
    Xapian::docid current = 0;
    Xapian::doccount count = 0;
};

}  // namespace

extern "C" cx_status cx_query_new_sample(uint32_t rate, uint32_t seed, cx_query **out, cx_error *err) {
    return cx::guard(err, [&] {
        if (rate == 0 || (rate & (rate - 1)) != 0) {
            throw Xapian::InvalidArgumentError("sample rate must be a power of two, got " + std::to_string(rate));
        }
        std::unique_ptr<cx_query> h(new cx_query);
        // release(): the query owns the source from here on (Xapian's opt-in reference counting).
        h->q = Xapian::Query((new SampledDocuments(rate, seed))->release());
        *out = h.release();
    });
}
