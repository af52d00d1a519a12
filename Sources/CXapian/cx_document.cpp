// Document: terms, positions, values and the data blob.
#include "cx_internal.hh"

using cx::guard;
using cx::str;

extern "C" {

cx_status cx_document_new(cx_document **out, cx_error *err) {
    return guard(err, [&] { *out = new cx_document; });
}

void cx_document_free(cx_document *doc) { cx::guard_void([&] { delete doc; }); }

uint32_t cx_document_get_docid(const cx_document *doc) { return doc->doc.get_docid(); }

cx_status cx_document_get_data(const cx_document *doc, char **out, size_t *out_len, cx_error *err) {
    return guard(err, [&] { cx::out_string(doc->doc.get_data(), out, out_len); });
}

cx_status cx_document_set_data(cx_document *doc, const char *data, size_t len, cx_error *err) {
    return guard(err, [&] { doc->doc.set_data(str(data, len)); });
}

cx_status cx_document_add_term(cx_document *doc, const char *term, size_t term_len, unsigned wdf_inc, cx_error *err) {
    return guard(err, [&] { doc->doc.add_term(str(term, term_len), wdf_inc); });
}

cx_status cx_document_add_boolean_term(cx_document *doc, const char *term, size_t term_len, cx_error *err) {
    return guard(err, [&] { doc->doc.add_boolean_term(str(term, term_len)); });
}

cx_status cx_document_add_posting(cx_document *doc, const char *term, size_t term_len, uint32_t position,
                                  unsigned wdf_inc, cx_error *err) {
    return guard(err, [&] { doc->doc.add_posting(str(term, term_len), position, wdf_inc); });
}

cx_status cx_document_remove_term(cx_document *doc, const char *term, size_t term_len, cx_error *err) {
    return guard(err, [&] { doc->doc.remove_term(str(term, term_len)); });
}

cx_status cx_document_terms(const cx_document *doc, cx_termlist **out, cx_error *err) {
    return guard(err, [&] {
        *out = cx::collect(doc->doc.termlist_begin(), doc->doc.termlist_end(),
                           [](const Xapian::TermIterator &it) { return uint64_t(it.get_wdf()); });
    });
}

cx_status cx_document_set_value(cx_document *doc, uint32_t slot, const char *value, size_t len, cx_error *err) {
    return guard(err, [&] { doc->doc.add_value(slot, str(value, len)); });
}

cx_status cx_document_get_value(const cx_document *doc, uint32_t slot, char **out, size_t *out_len, cx_error *err) {
    return guard(err, [&] { cx::out_string(doc->doc.get_value(slot), out, out_len); });
}

} // extern "C"
