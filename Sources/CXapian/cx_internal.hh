// Private to the shim: handle layouts and the exception guard every extern "C" body runs in.
#ifndef CX_INTERNAL_HH
#define CX_INTERNAL_HH

#include "include/cxapian.h"

#include <xapian.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

// A WritableDatabase is a Database in Xapian, so one layout serves both: the writable handle
// embeds the read handle, whose pointer really holds a Xapian::WritableDatabase.
struct cx_database { std::unique_ptr<Xapian::Database> db; };
struct cx_writable_database {
    cx_database base;
    Xapian::WritableDatabase &w() { return static_cast<Xapian::WritableDatabase &>(*base.db); }
};
struct cx_document { Xapian::Document doc; };
struct cx_stem { Xapian::Stem stem; };
struct cx_termgenerator { Xapian::TermGenerator tg; };
struct cx_rangeprocessor { std::unique_ptr<Xapian::RangeProcessor> rp; };
struct cx_queryparser { Xapian::QueryParser qp; };
struct cx_query { Xapian::Query q; };
struct cx_enquire { Xapian::Enquire enq; explicit cx_enquire(const Xapian::Database &d) : enq(d) {} };
struct cx_mset { Xapian::MSet mset; };
/// A match spy counting values, and what it counted: Xapian's ValueCountMatchSpy, or one reading
/// in-memory columns (cx_value_columns.cpp).
struct cx_matchspy {
    virtual ~cx_matchspy() = default;
    virtual Xapian::MatchSpy &spy() = 0;
    /// Documents seen.
    virtual uint32_t total() const = 0;
    /// Each value seen with its count, in value order.
    virtual std::vector<std::pair<std::string, uint64_t>> counts() const = 0;
};
struct cx_termlist_row { std::string s; uint64_t freq; double weight; };
struct cx_termlist { std::vector<cx_termlist_row> rows; };

namespace cx {

/// Builds a std::string from a (pointer, length) pair; NULL with length 0 is the empty string.
inline std::string str(const char *p, size_t n) { return (p && n) ? std::string(p, n) : std::string(); }

/// Copies s into a malloc'd, NUL-terminated buffer for the caller to free.
void out_string(const std::string &s, char **out, size_t *out_len);

/// Records a failure in err (if given) and returns its status.
cx_status fail(cx_error *err, cx_status status, const char *klass, const std::string &message);

/// Maps a Xapian error class name (Error::get_type()) to a status.
cx_status status_for(const char *type);

/// Runs body and converts any exception into a status, so nothing crosses extern "C".
template <class Body>
cx_status guard(cx_error *err, Body &&body) noexcept {
    try {
        body();
        return CX_OK;
    } catch (const Xapian::Error &e) {
        std::string msg = e.get_msg();
        if (const char *es = e.get_error_string()) {
            if (*es) msg += std::string(" (") + es + ")";
        }
        if (!e.get_context().empty()) msg += " [context: " + e.get_context() + "]";
        return fail(err, status_for(e.get_type()), e.get_type(), msg);
    } catch (const std::bad_alloc &) {
        return fail(err, CX_ERR_OTHER, "std::bad_alloc", "out of memory");
    } catch (const std::exception &e) {
        return fail(err, CX_ERR_OTHER, "std::exception", e.what());
    } catch (...) {
        return fail(err, CX_ERR_OTHER, "unknown", "unknown C++ exception");
    }
}

/// Runs body for a void C function: failures (only possible in pathological cases) are dropped.
template <class Body>
void guard_void(Body &&body) noexcept {
    try { body(); } catch (...) {}
}

/// Materialises a Xapian term-style iterator range into a new cx_termlist.
template <class It, class Freq>
cx_termlist *collect(It begin, It end, Freq freq) {
    std::unique_ptr<cx_termlist> list(new cx_termlist);
    for (It it = begin; it != end; ++it) list->rows.push_back({*it, freq(it), 0.0});
    return list.release();
}

Xapian::Query::op op_for(cx_query_op op);

} // namespace cx

#endif
