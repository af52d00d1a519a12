// Stem and TermGenerator: turning free text into terms.
#include "cx_internal.hh"

using cx::guard;
using cx::str;

static Xapian::TermGenerator::stem_strategy tg_strategy(cx_stem_strategy s) {
    switch (s) {
        case CX_STEM_NONE: return Xapian::TermGenerator::STEM_NONE;
        case CX_STEM_SOME: return Xapian::TermGenerator::STEM_SOME;
        case CX_STEM_ALL: return Xapian::TermGenerator::STEM_ALL;
        case CX_STEM_ALL_Z: return Xapian::TermGenerator::STEM_ALL_Z;
        case CX_STEM_SOME_FULL_POS: return Xapian::TermGenerator::STEM_SOME_FULL_POS;
    }
    return Xapian::TermGenerator::STEM_SOME;
}

extern "C" {

cx_status cx_stem_new(const char *language, cx_stem **out, cx_error *err) {
    return guard(err, [&] {
        std::unique_ptr<cx_stem> h(new cx_stem);
        h->stem = Xapian::Stem(language ? language : "none");
        *out = h.release();
    });
}

void cx_stem_free(cx_stem *stem) { cx::guard_void([&] { delete stem; }); }

cx_status cx_stem_apply(const cx_stem *stem, const char *word, size_t word_len, char **out, size_t *out_len,
                        cx_error *err) {
    return guard(err, [&] { cx::out_string(stem->stem(str(word, word_len)), out, out_len); });
}

cx_status cx_termgenerator_new(cx_termgenerator **out, cx_error *err) {
    return guard(err, [&] { *out = new cx_termgenerator; });
}

void cx_termgenerator_free(cx_termgenerator *tg) { cx::guard_void([&] { delete tg; }); }

void cx_termgenerator_set_stemmer(cx_termgenerator *tg, const cx_stem *stem) {
    cx::guard_void([&] { tg->tg.set_stemmer(stem ? stem->stem : Xapian::Stem()); });
}

void cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, cx_stem_strategy strategy) {
    cx::guard_void([&] { tg->tg.set_stemming_strategy(tg_strategy(strategy)); });
}

void cx_termgenerator_set_flags(cx_termgenerator *tg, unsigned flags) {
    cx::guard_void([&] { tg->tg.set_flags(Xapian::TermGenerator::flags(flags)); });
}

void cx_termgenerator_set_document(cx_termgenerator *tg, const cx_document *doc) {
    // Xapian::Document is a refcounted handle, so the generator writes into doc's own terms.
    cx::guard_void([&] { tg->tg.set_document(doc->doc); });
}

void cx_termgenerator_set_database(cx_termgenerator *tg, cx_writable_database *db) {
    cx::guard_void([&] { tg->tg.set_database(db->w()); });
}

cx_status cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, size_t text_len, unsigned wdf_inc,
                                      const char *prefix, size_t prefix_len, cx_error *err) {
    return guard(err, [&] { tg->tg.index_text(str(text, text_len), wdf_inc, str(prefix, prefix_len)); });
}

cx_status cx_termgenerator_index_text_without_positions(cx_termgenerator *tg, const char *text, size_t text_len,
                                                        unsigned wdf_inc, const char *prefix, size_t prefix_len,
                                                        cx_error *err) {
    return guard(err, [&] {
        tg->tg.index_text_without_positions(str(text, text_len), wdf_inc, str(prefix, prefix_len));
    });
}

void cx_termgenerator_increase_termpos(cx_termgenerator *tg, uint32_t delta) {
    cx::guard_void([&] { tg->tg.increase_termpos(delta); });
}

uint32_t cx_termgenerator_get_termpos(const cx_termgenerator *tg) { return tg->tg.get_termpos(); }

void cx_termgenerator_set_termpos(cx_termgenerator *tg, uint32_t position) {
    cx::guard_void([&] { tg->tg.set_termpos(position); });
}

} // extern "C"
