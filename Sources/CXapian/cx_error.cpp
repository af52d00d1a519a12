// Errors, strings, term lists and free-standing helpers.
#include "cx_internal.hh"

namespace cx {

void out_string(const std::string &s, char **out, size_t *out_len) {
    char *buf = static_cast<char *>(std::malloc(s.size() + 1));
    if (!buf) throw std::bad_alloc();
    if (!s.empty()) std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = '\0';
    *out = buf;
    if (out_len) *out_len = s.size();
}

static char *dup_or_null(const std::string &s) {
    char *buf = static_cast<char *>(std::malloc(s.size() + 1));
    if (buf) std::memcpy(buf, s.c_str(), s.size() + 1);
    return buf;
}

cx_status fail(cx_error *err, cx_status status, const char *klass, const std::string &message) {
    if (err) {
        cx_error_clear(err);
        err->status = status;
        // If malloc fails here we still report the status, just without text.
        try {
            err->error_class = dup_or_null(klass ? klass : "");
            err->message = dup_or_null(message);
        } catch (...) {}
    }
    return status;
}

cx_status status_for(const char *type) {
    // Most specific classes first: lock/not-found/version are subclasses of broader ones.
    struct Row { const char *name; cx_status status; };
    static const Row table[] = {
        {"DatabaseLockError", CX_ERR_DATABASE_LOCK},
        {"DatabaseModifiedError", CX_ERR_DATABASE_MODIFIED},
        {"DatabaseCorruptError", CX_ERR_DATABASE_CORRUPT},
        {"DatabaseNotFoundError", CX_ERR_DATABASE_NOT_FOUND},
        {"DatabaseOpeningError", CX_ERR_DATABASE_OPENING},
        {"DatabaseVersionError", CX_ERR_DATABASE_OPENING},
        {"DatabaseCreateError", CX_ERR_DATABASE_OPENING},
        {"DocNotFoundError", CX_ERR_DOC_NOT_FOUND},
        {"QueryParserError", CX_ERR_QUERY_PARSER},
        {"InvalidArgumentError", CX_ERR_INVALID_ARGUMENT},
        {"InvalidOperationError", CX_ERR_INVALID_OPERATION},
        {"RangeError", CX_ERR_RANGE},
        {"DatabaseClosedError", CX_ERR_DATABASE},
        {"DatabaseError", CX_ERR_DATABASE},
        {"NetworkError", CX_ERR_NETWORK},
        {"NetworkTimeoutError", CX_ERR_NETWORK},
    };
    if (!type) return CX_ERR_OTHER;
    for (const Row &row : table)
        if (std::strcmp(row.name, type) == 0) return row.status;
    return CX_ERR_OTHER;
}

Xapian::Query::op op_for(cx_query_op op) {
    switch (op) {
        case CX_OP_AND: return Xapian::Query::OP_AND;
        case CX_OP_OR: return Xapian::Query::OP_OR;
        case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
        case CX_OP_XOR: return Xapian::Query::OP_XOR;
        case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
        case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
        case CX_OP_NEAR: return Xapian::Query::OP_NEAR;
        case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
        case CX_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
        case CX_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
        case CX_OP_MAX: return Xapian::Query::OP_MAX;
        case CX_OP_VALUE_RANGE: return Xapian::Query::OP_VALUE_RANGE;
        case CX_OP_VALUE_GE: return Xapian::Query::OP_VALUE_GE;
        case CX_OP_VALUE_LE: return Xapian::Query::OP_VALUE_LE;
        case CX_OP_SCALE_WEIGHT: return Xapian::Query::OP_SCALE_WEIGHT;
    }
    throw Xapian::InvalidArgumentError("unknown cx_query_op");
}

} // namespace cx

extern "C" {

void cx_error_clear(cx_error *err) {
    if (!err) return;
    std::free(err->error_class);
    std::free(err->message);
    err->error_class = nullptr;
    err->message = nullptr;
    err->status = CX_OK;
}

void cx_free_string(char *s) { std::free(s); }

void cx_free(void *p) { std::free(p); }

const char *cx_version_string(void) { return Xapian::version_string(); }

cx_status cx_sortable_serialise(double value, char **out, size_t *out_len, cx_error *err) {
    return cx::guard(err, [&] { cx::out_string(Xapian::sortable_serialise(value), out, out_len); });
}

double cx_sortable_unserialise(const char *bytes, size_t len) {
    try { return Xapian::sortable_unserialise(cx::str(bytes, len)); } catch (...) { return 0; }
}

size_t cx_termlist_size(const cx_termlist *list) { return list ? list->rows.size() : 0; }

const char *cx_termlist_string(const cx_termlist *list, size_t i, size_t *len) {
    const std::string &s = list->rows[i].s;
    if (len) *len = s.size();
    return s.data();
}

uint64_t cx_termlist_frequency(const cx_termlist *list, size_t i) { return list->rows[i].freq; }

double cx_termlist_weight(const cx_termlist *list, size_t i) { return list->rows[i].weight; }

void cx_termlist_free(cx_termlist *list) { delete list; }

} // extern "C"
