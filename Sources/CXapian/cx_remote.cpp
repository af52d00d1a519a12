// The remote backend: a database served by xapian-tcpsrv, searched like a local one.
#include "cx_internal.hh"

extern "C" {

cx_status cx_database_open_remote_tcp(const char *host, unsigned port, unsigned timeout_ms,
                                      unsigned connect_timeout_ms, cx_database **out, cx_error *err) {
    return cx::guard(err, [&] {
        std::unique_ptr<cx_database> h(new cx_database);
        h->db.reset(new Xapian::Database(
            Xapian::Remote::open(host ? host : "", port, timeout_ms, connect_timeout_ms)));
        *out = h.release();
    });
}

}  // extern "C"
