// Query construction, range processors and the query parser.
#include "cx_internal.hh"

// The header's flag names carry Xapian's values: Swift passes them straight through.
static_assert(CX_QP_BOOLEAN == Xapian::QueryParser::FLAG_BOOLEAN);
static_assert(CX_QP_PHRASE == Xapian::QueryParser::FLAG_PHRASE);
static_assert(CX_QP_LOVEHATE == Xapian::QueryParser::FLAG_LOVEHATE);
static_assert(CX_QP_BOOLEAN_ANY_CASE == Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE);
static_assert(CX_QP_WILDCARD == Xapian::QueryParser::FLAG_WILDCARD);
static_assert(CX_QP_PURE_NOT == Xapian::QueryParser::FLAG_PURE_NOT);
static_assert(CX_QP_PARTIAL == Xapian::QueryParser::FLAG_PARTIAL);
static_assert(CX_QP_SPELLING_CORRECTION == Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
static_assert(CX_QP_SYNONYM == Xapian::QueryParser::FLAG_SYNONYM);
static_assert(CX_QP_AUTO_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
static_assert(CX_QP_AUTO_MULTIWORD_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS);
static_assert(CX_RP_SUFFIX == Xapian::RP_SUFFIX);
static_assert(CX_RP_REPEATED == Xapian::RP_REPEATED);
static_assert(CX_RP_DATE_PREFER_MDY == Xapian::RP_DATE_PREFER_MDY);
static_assert(CX_TG_SPELLING == Xapian::TermGenerator::FLAG_SPELLING);
static_assert(CX_TG_CJK_NGRAM == Xapian::TermGenerator::FLAG_CJK_NGRAM);
static_assert(CX_SNIPPET_BACKGROUND_MODEL == Xapian::MSet::SNIPPET_BACKGROUND_MODEL);
static_assert(CX_SNIPPET_EXHAUSTIVE == Xapian::MSet::SNIPPET_EXHAUSTIVE);
static_assert(CX_SNIPPET_EMPTY_WITHOUT_MATCH == Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH);
static_assert(CX_SNIPPET_CJK_NGRAM == Xapian::MSet::SNIPPET_CJK_NGRAM);


using cx::guard;
using cx::str;

static void out_query(Xapian::Query q, cx_query **out) {
    std::unique_ptr<cx_query> h(new cx_query);
    h->q = std::move(q);
    *out = h.release();
}

extern "C" {

cx_status cx_query_new_term(const char *term, size_t term_len, uint32_t wdf, uint32_t position, cx_query **out,
                            cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query(str(term, term_len), wdf, position), out); });
}

cx_status cx_query_new_combine(cx_query_op op, const cx_query *const *subqueries, size_t count, uint32_t window,
                               cx_query **out, cx_error *err) {
    return guard(err, [&] {
        switch (op) {
            case CX_OP_VALUE_RANGE: case CX_OP_VALUE_GE: case CX_OP_VALUE_LE: case CX_OP_SCALE_WEIGHT:
                throw Xapian::InvalidArgumentError("value and scale operators do not combine subqueries");
            default: break;
        }
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->q);
        out_query(Xapian::Query(cx::op_for(op), subs.begin(), subs.end(), window), out);
    });
}

cx_status cx_query_new_scale(const cx_query *query, double factor, cx_query **out, cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query->q, factor), out); });
}

cx_status cx_query_new_value_range(uint32_t slot, const char *from, size_t from_len, const char *to, size_t to_len,
                                   cx_query **out, cx_error *err) {
    return guard(err, [&] {
        out_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, str(from, from_len), str(to, to_len)), out);
    });
}

cx_status cx_query_new_value_ge(uint32_t slot, const char *value, size_t len, cx_query **out, cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, str(value, len)), out); });
}

cx_status cx_query_new_value_le(uint32_t slot, const char *value, size_t len, cx_query **out, cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, str(value, len)), out); });
}

cx_status cx_query_new_match_all(cx_query **out, cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query::MatchAll, out); });
}

cx_status cx_query_new_fixed_weight(double weight, cx_query **out, cx_error *err) {
    return guard(err, [&] {
        // release(): the query owns the source from here on (Xapian's opt-in reference counting).
        out_query(Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()), out);
    });
}

cx_status cx_query_new_match_nothing(cx_query **out, cx_error *err) {
    return guard(err, [&] { out_query(Xapian::Query::MatchNothing, out); });
}

void cx_query_free(cx_query *query) { cx::guard_void([&] { delete query; }); }

bool cx_query_empty(const cx_query *query) { return query->q.empty(); }

cx_status cx_query_description(const cx_query *query, char **out, size_t *out_len, cx_error *err) {
    return guard(err, [&] { cx::out_string(query->q.get_description(), out, out_len); });
}

cx_status cx_rangeprocessor_new_string(uint32_t slot, const char *s, size_t s_len, unsigned flags,
                                       cx_rangeprocessor **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_rangeprocessor> h(new cx_rangeprocessor);
        h->rp.reset(new Xapian::RangeProcessor(slot, str(s, s_len), flags));
        *out = h.release();
    });
}

cx_status cx_rangeprocessor_new_date(uint32_t slot, const char *s, size_t s_len, unsigned flags, int epoch_year,
                                     cx_rangeprocessor **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_rangeprocessor> h(new cx_rangeprocessor);
        h->rp.reset(new Xapian::DateRangeProcessor(slot, str(s, s_len), flags, epoch_year));
        *out = h.release();
    });
}

cx_status cx_rangeprocessor_new_number(uint32_t slot, const char *s, size_t s_len, unsigned flags,
                                       cx_rangeprocessor **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_rangeprocessor> h(new cx_rangeprocessor);
        h->rp.reset(new Xapian::NumberRangeProcessor(slot, str(s, s_len), flags));
        *out = h.release();
    });
}

void cx_rangeprocessor_free(cx_rangeprocessor *rp) { cx::guard_void([&] { delete rp; }); }

cx_status cx_queryparser_new(cx_queryparser **out, cx_error *err) {
    return guard(err, [&] { *out = new cx_queryparser; });
}

void cx_queryparser_free(cx_queryparser *qp) { cx::guard_void([&] { delete qp; }); }

void cx_queryparser_set_stemmer(cx_queryparser *qp, const cx_stem *stem) {
    cx::guard_void([&] { qp->qp.set_stemmer(stem ? stem->stem : Xapian::Stem()); });
}

void cx_queryparser_set_stemming_strategy(cx_queryparser *qp, cx_stem_strategy strategy) {
    cx::guard_void([&] { qp->qp.set_stemming_strategy(Xapian::QueryParser::stem_strategy(strategy)); });
}

cx_status cx_queryparser_set_default_op(cx_queryparser *qp, cx_query_op op, cx_error *err) {
    return guard(err, [&] { qp->qp.set_default_op(cx::op_for(op)); });
}

void cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db) {
    cx::guard_void([&] { qp->qp.set_database(*db->db); });
}

cx_status cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, size_t field_len, const char *prefix,
                                    size_t prefix_len, cx_error *err) {
    return guard(err, [&] { qp->qp.add_prefix(str(field, field_len), str(prefix, prefix_len)); });
}

cx_status cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                                            const char *prefix, size_t prefix_len, const char *grouping,
                                            size_t grouping_len, cx_error *err) {
    return guard(err, [&] {
        if (grouping) {
            const std::string g = str(grouping, grouping_len);
            qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len), &g);
        } else {
            qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len));
        }
    });
}

cx_status cx_queryparser_add_rangeprocessor(cx_queryparser *qp, cx_rangeprocessor *rp, const char *grouping,
                                            size_t grouping_len, cx_error *err) {
    return guard(err, [&] {
        // Not release()d: the cx_rangeprocessor keeps ownership, the Swift side keeps it alive.
        if (grouping) {
            const std::string g = str(grouping, grouping_len);
            qp->qp.add_rangeprocessor(rp->rp.get(), &g);
        } else {
            qp->qp.add_rangeprocessor(rp->rp.get());
        }
    });
}

} // extern "C"

namespace {
/// A FieldProcessor that asks a C callback (the Swift side) for each value's query.
class CallbackFieldProcessor : public Xapian::FieldProcessor {
    cx_field_processor_fn fn;
    void *context;
    std::string field;

  public:
    CallbackFieldProcessor(cx_field_processor_fn fn, void *context, std::string field)
        : fn(fn), context(context), field(std::move(field)) {}

    Xapian::Query operator()(const std::string &value) override {
        cx_query result;
        if (!fn(context, value.data(), value.size(), &result)) {
            throw Xapian::QueryParserError("cannot read the value of " + field + ": '" + value + "'");
        }
        return result.q;
    }
};
} // namespace

extern "C" {

void cx_query_assign(cx_query *target, const cx_query *source) { target->q = source->q; }

cx_status cx_queryparser_add_field_processor(cx_queryparser *qp, const char *field, size_t field_len,
                                             cx_field_processor_fn fn, void *context, bool boolean,
                                             const char *grouping, size_t grouping_len, cx_error *err) {
    return guard(err, [&] {
        const std::string name = str(field, field_len);
        // release(): the parser owns the processor from here and frees it with itself.
        auto *processor = (new CallbackFieldProcessor(fn, context, name))->release();
        if (!boolean) {
            qp->qp.add_prefix(name, processor);
        } else if (grouping) {
            const std::string g = str(grouping, grouping_len);
            qp->qp.add_boolean_prefix(name, processor, &g);
        } else {
            qp->qp.add_boolean_prefix(name, processor);
        }
    });
}

cx_status cx_queryparser_parse(cx_queryparser *qp, const char *text, size_t text_len, unsigned flags,
                               const char *default_prefix, size_t default_prefix_len, cx_query **out,
                               cx_error *err) {
    return guard(err, [&] {
        out_query(qp->qp.parse_query(str(text, text_len), flags, str(default_prefix, default_prefix_len)), out);
    });
}

cx_status cx_queryparser_get_corrected_query_string(const cx_queryparser *qp, char **out, size_t *out_len,
                                                    cx_error *err) {
    return guard(err, [&] { cx::out_string(qp->qp.get_corrected_query_string(), out, out_len); });
}

} // extern "C"
