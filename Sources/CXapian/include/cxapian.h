/*
 * cxapian.h — a C interface over Xapian 1.4 for Swift.
 *
 * Conventions (after notmuch.h):
 *  - Every Xapian object is an opaque handle; each `*_new`/`*_open` has a `*_free`.
 *  - Every call that can fail returns a cx_status and writes results through out-parameters.
 *    The last parameter `cx_error *err` may be NULL; when given and the call fails, it receives
 *    the Xapian error class name and message (malloc'd; release with cx_error_clear).
 *  - No C++ exception ever crosses this interface.
 *  - Terms, values, data and metadata are binary-safe in Xapian, so strings go in as
 *    (pointer, length) pairs (pointer may be NULL when length is 0) and come out malloc'd with
 *    their length (also NUL-terminated for convenience); free them with cx_free_string.
 *    Paths and language names are ordinary NUL-terminated C strings.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- flags */

/* Flags passed as `unsigned flags`, named here so that Swift never writes Xapian's numbers; each
 * equals the Xapian 1.4 constant named beside it, which the shim's static_asserts check. */

/** Xapian::QueryParser::feature_flag, for cx_queryparser_parse. */
enum {
    CX_QP_BOOLEAN = 1,                    /**< FLAG_BOOLEAN */
    CX_QP_PHRASE = 2,                     /**< FLAG_PHRASE */
    CX_QP_LOVEHATE = 4,                   /**< FLAG_LOVEHATE */
    CX_QP_BOOLEAN_ANY_CASE = 8,           /**< FLAG_BOOLEAN_ANY_CASE */
    CX_QP_WILDCARD = 16,                  /**< FLAG_WILDCARD */
    CX_QP_PURE_NOT = 32,                  /**< FLAG_PURE_NOT */
    CX_QP_PARTIAL = 64,                   /**< FLAG_PARTIAL */
    CX_QP_SPELLING_CORRECTION = 128,      /**< FLAG_SPELLING_CORRECTION */
    CX_QP_SYNONYM = 256,                  /**< FLAG_SYNONYM */
    CX_QP_AUTO_SYNONYMS = 512,            /**< FLAG_AUTO_SYNONYMS */
    CX_QP_AUTO_MULTIWORD_SYNONYMS = 1024  /**< FLAG_AUTO_MULTIWORD_SYNONYMS */
};

/** Xapian::TermGenerator flags, for cx_termgenerator_set_flags. */
enum {
    CX_TG_SPELLING = 128,                 /**< FLAG_SPELLING */
    CX_TG_CJK_NGRAM = 2048                /**< FLAG_CJK_NGRAM */
};

/** Xapian::RangeProcessor flags, for cx_rangeprocessor_new_*. */
enum {
    CX_RP_SUFFIX = 1,                     /**< RP_SUFFIX */
    CX_RP_REPEATED = 2,                   /**< RP_REPEATED */
    CX_RP_DATE_PREFER_MDY = 4             /**< RP_DATE_PREFER_MDY */
};

/** Xapian::MSet::snippet flags. */
enum {
    CX_SNIPPET_BACKGROUND_MODEL = 1,      /**< SNIPPET_BACKGROUND_MODEL */
    CX_SNIPPET_EXHAUSTIVE = 2,            /**< SNIPPET_EXHAUSTIVE */
    CX_SNIPPET_EMPTY_WITHOUT_MATCH = 4,   /**< SNIPPET_EMPTY_WITHOUT_MATCH */
    CX_SNIPPET_CJK_NGRAM = 2048           /**< SNIPPET_CJK_NGRAM */
};

/* ---------------------------------------------------------------- status and errors */

/** Outcome of a call; mapped from the Xapian error class (see cx_error.error_class). */
typedef enum cx_status {
    CX_OK = 0,
    CX_ERR_DATABASE_LOCK = 1,        /**< DatabaseLockError: another writer holds the lock. */
    CX_ERR_DATABASE_MODIFIED = 2,    /**< DatabaseModifiedError: reopen() and retry. */
    CX_ERR_DATABASE_CORRUPT = 3,     /**< DatabaseCorruptError. */
    CX_ERR_DATABASE_OPENING = 4,     /**< DatabaseOpeningError, DatabaseVersionError, DatabaseCreateError. */
    CX_ERR_DATABASE_NOT_FOUND = 5,   /**< DatabaseNotFoundError: no database at that path. */
    CX_ERR_DOC_NOT_FOUND = 6,        /**< DocNotFoundError. */
    CX_ERR_QUERY_PARSER = 7,         /**< QueryParserError: bad query syntax. */
    CX_ERR_INVALID_ARGUMENT = 8,     /**< InvalidArgumentError. */
    CX_ERR_RANGE = 9,                /**< RangeError. */
    CX_ERR_DATABASE = 10,            /**< Any other DatabaseError (e.g. DatabaseClosedError). */
    CX_ERR_NETWORK = 11,             /**< NetworkError, NetworkTimeoutError (remote backend). */
    CX_ERR_OTHER = 12,               /**< Anything else, including std::bad_alloc. */
    CX_ERR_INVALID_OPERATION = 13    /**< InvalidOperationError (e.g. transaction misuse). */
} cx_status;

/** Error details filled in by a failing call when the caller passes a non-NULL cx_error. */
typedef struct cx_error {
    cx_status status;
    char *error_class;   /**< Xapian class name, e.g. "DatabaseLockError" (malloc'd or NULL). */
    char *message;       /**< Human message (malloc'd or NULL). */
} cx_error;

/** Frees the strings held by *err and resets it to CX_OK; safe on a zeroed or NULL error. */
void cx_error_clear(cx_error *err);

/** Frees a string returned by this library (NULL is fine). */
void cx_free_string(char *s);

/** Frees any other malloc'd buffer returned by this library (e.g. docid arrays). */
void cx_free(void *p);

/** The linked Xapian version, e.g. "1.4.22" (static storage, do not free). */
const char *cx_version_string(void);

/** Encodes a number so that its bytes sort like the number (Xapian::sortable_serialise). */
cx_status cx_sortable_serialise(double value, char **out, size_t *out_len, cx_error *err);

/** Inverse of cx_sortable_serialise; never fails (garbage in gives some number out). */
double cx_sortable_unserialise(const char *bytes, size_t len);

/* ---------------------------------------------------------------- handles */

typedef struct cx_database cx_database;
typedef struct cx_writable_database cx_writable_database;
typedef struct cx_document cx_document;
typedef struct cx_stem cx_stem;
typedef struct cx_termgenerator cx_termgenerator;
typedef struct cx_rangeprocessor cx_rangeprocessor;
typedef struct cx_queryparser cx_queryparser;
typedef struct cx_query cx_query;
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;
typedef struct cx_matchspy cx_matchspy;
typedef struct cx_value_columns cx_value_columns;
typedef struct cx_termlist cx_termlist;

/* ---------------------------------------------------------------- term lists */

/** A materialised list of (string, frequency, weight) rows: terms, keys, values or ESet terms. */
size_t cx_termlist_size(const cx_termlist *list);
/** The string of row i (borrowed: valid until cx_termlist_free); its length goes to *len. */
const char *cx_termlist_string(const cx_termlist *list, size_t i, size_t *len);
/** The count of row i: term frequency, wdf, or value count depending on the producer. */
uint64_t cx_termlist_frequency(const cx_termlist *list, size_t i);
/** The weight of row i (ESet rows only; 0 elsewhere). */
double cx_termlist_weight(const cx_termlist *list, size_t i);
/** Frees a term list (NULL is fine). */
void cx_termlist_free(cx_termlist *list);

/* ---------------------------------------------------------------- Database (read-only) */

/** Opens a database read-only at path. */
cx_status cx_database_open(const char *path, cx_database **out, cx_error *err);
/** Creates an empty database with no shards; combine shards with cx_database_add_database. */
cx_status cx_database_new_empty(cx_database **out, cx_error *err);
/** Frees a database handle opened with cx_database_open or cx_database_new_empty. */
void cx_database_free(cx_database *db);
/** Adds the shards of other to db (Database::add_database); other may be freed afterwards. */
cx_status cx_database_add_database(cx_database *db, const cx_database *other, cx_error *err);
/** Re-reads the newest committed revision; *changed says whether anything moved. */
cx_status cx_database_reopen(cx_database *db, bool *changed, cx_error *err);
/** Releases files and locks now; later calls fail with DatabaseClosedError. */
cx_status cx_database_close(cx_database *db, cx_error *err);
/** Number of documents. */
cx_status cx_database_get_doccount(const cx_database *db, uint32_t *out, cx_error *err);
/** Highest document id ever used (0 when empty). */
cx_status cx_database_get_lastdocid(const cx_database *db, uint32_t *out, cx_error *err);
/** Fetches document id (DocNotFoundError when absent); free the result with cx_document_free. */
cx_status cx_database_get_document(const cx_database *db, uint32_t id, cx_document **out, cx_error *err);
/** Whether any document is indexed by term. */
cx_status cx_database_term_exists(const cx_database *db, const char *term, size_t term_len, bool *out, cx_error *err);
/** Number of documents indexed by term. */
cx_status cx_database_get_termfreq(const cx_database *db, const char *term, size_t term_len, uint32_t *out, cx_error *err);
/** Ids of the documents indexed by term, ascending; *out is malloc'd (free with cx_free). */
cx_status cx_database_postings(const cx_database *db, const char *term, size_t term_len,
                               uint32_t **out, size_t *out_count, cx_error *err);
/** For each of count document ids (any order), whether term indexes it: out[i] for ids[i].
 *  Walks the term's posting list once with skip_to, so it costs the ids, not the postings. */
cx_status cx_database_which_have_term(const cx_database *db, const char *term, size_t term_len, const uint32_t *ids,
                                     size_t count, bool *out, cx_error *err);
/** All terms starting with prefix, in byte order, with their term frequencies. */
cx_status cx_database_all_terms(const cx_database *db, const char *prefix, size_t prefix_len,
                                cx_termlist **out, cx_error *err);
/** User metadata for key ("" when absent). */
cx_status cx_database_get_metadata(const cx_database *db, const char *key, size_t key_len,
                                   char **out, size_t *out_len, cx_error *err);
/** Metadata keys starting with prefix. */
cx_status cx_database_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                                    cx_termlist **out, cx_error *err);
/** Best spelling correction for word within max_edit_distance ("" when none). */
cx_status cx_database_spelling_suggestion(const cx_database *db, const char *word, size_t word_len,
                                          unsigned max_edit_distance, char **out, size_t *out_len,
                                          cx_error *err);
/** Synonyms recorded for term. */
cx_status cx_database_synonyms(const cx_database *db, const char *term, size_t term_len,
                               cx_termlist **out, cx_error *err);
/** Terms that have synonyms, starting with prefix. */
cx_status cx_database_synonym_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                                   cx_termlist **out, cx_error *err);
/** The database UUID ("" for a database without one, e.g. an empty combination). */
cx_status cx_database_get_uuid(const cx_database *db, char **out, size_t *out_len, cx_error *err);
/** The revision (commit number) the handle reads (Database::get_revision); 0 for combinations. */
cx_status cx_database_get_revision(const cx_database *db, uint64_t *out, cx_error *err);

/* ---------------------------------------------------------------- Remote databases */

/**
 * Opens a database served by `xapian-tcpsrv` on host:port (Xapian::Remote::open). Every later
 * call on it fails with CX_ERR_NETWORK (NetworkTimeoutError) when the server takes longer than
 * timeout_ms; connecting gives up after connect_timeout_ms. Free with cx_database_free; combine
 * with local shards through cx_database_add_database.
 *
 * Spelling and synonym data are not served by the remote protocol: on a remote database those
 * calls succeed with empty answers. Metadata is served, but on a combination of shards only the
 * first shard's metadata is read; open each shard on its own to read all of it.
 */
cx_status cx_database_open_remote_tcp(const char *host, unsigned port, unsigned timeout_ms,
                                      unsigned connect_timeout_ms, cx_database **out, cx_error *err);

/* ---------------------------------------------------------------- compaction (cx_compact.cpp) */

/** Flags for cx_database_compact, combined with |. */
enum {
    CX_COMPACT_FULL = 1,          /**< Compactor::FULL: blocks packed full (default is STANDARD). */
    CX_COMPACT_FULLER = 2,        /**< Compactor::FULLER: fuller still, for an index no longer written. */
    CX_COMPACT_SINGLE_FILE = 4    /**< Xapian::DBCOMPACT_SINGLE_FILE: the result is one file. */
};
/** Writes a compacted copy of db (all its shards merged) to output, a folder (or a file with
 *  CX_COMPACT_SINGLE_FILE) that must not exist yet; db itself is left unchanged. */
cx_status cx_database_compact(const cx_database *db, const char *output, unsigned flags, cx_error *err);

/* ---------------------------------------------------------------- WritableDatabase */

/** How cx_writable_database_open treats an existing or missing database (Xapian DB_* actions). */
typedef enum cx_open_mode {
    CX_OPEN_CREATE_OR_OPEN = 0,
    CX_OPEN_CREATE = 1,
    CX_OPEN_CREATE_OR_OVERWRITE = 2,
    CX_OPEN_OPEN = 3
} cx_open_mode;

/** Opens (or creates) a database for writing; only one writer per path (DatabaseLockError). */
cx_status cx_writable_database_open(const char *path, cx_open_mode mode, cx_writable_database **out, cx_error *err);
/** Frees the handle; Xapian commits pending changes here but swallows errors, so commit first. */
void cx_writable_database_free(cx_writable_database *db);
/** The read-side view of db (borrowed: valid until cx_writable_database_free; never free it). */
cx_database *cx_writable_database_as_database(cx_writable_database *db);
/** Adds a document; its new id goes to *out_id. */
cx_status cx_writable_database_add_document(cx_writable_database *db, const cx_document *doc, uint32_t *out_id, cx_error *err);
/** Replaces every document indexed by unique_term with doc (adds it if none); id to *out_id. */
cx_status cx_writable_database_replace_document_by_term(cx_writable_database *db, const char *term, size_t term_len,
                                                        const cx_document *doc, uint32_t *out_id, cx_error *err);
/** Replaces (or creates) the document with id. */
cx_status cx_writable_database_replace_document(cx_writable_database *db, uint32_t id, const cx_document *doc, cx_error *err);
/** Deletes the document with id (DocNotFoundError when absent). */
cx_status cx_writable_database_delete_document(cx_writable_database *db, uint32_t id, cx_error *err);
/** Deletes every document indexed by term. */
cx_status cx_writable_database_delete_documents_by_term(cx_writable_database *db, const char *term, size_t term_len, cx_error *err);
/** Makes pending changes durable and visible to readers. */
cx_status cx_writable_database_commit(cx_writable_database *db, cx_error *err);
/** Starts a transaction; flushed=true commits it durably as one revision. */
cx_status cx_writable_database_begin_transaction(cx_writable_database *db, bool flushed, cx_error *err);
/** Ends the transaction keeping its changes. */
cx_status cx_writable_database_commit_transaction(cx_writable_database *db, cx_error *err);
/** Ends the transaction discarding its changes. */
cx_status cx_writable_database_cancel_transaction(cx_writable_database *db, cx_error *err);
/** Sets user metadata (an empty value deletes the key). */
cx_status cx_writable_database_set_metadata(cx_writable_database *db, const char *key, size_t key_len,
                                            const char *value, size_t value_len, cx_error *err);
/** Adds word to the spelling dictionary. */
cx_status cx_writable_database_add_spelling(cx_writable_database *db, const char *word, size_t word_len, unsigned increment, cx_error *err);
/** Lowers word's spelling frequency (removing it at zero). */
cx_status cx_writable_database_remove_spelling(cx_writable_database *db, const char *word, size_t word_len, unsigned decrement, cx_error *err);
/** Records synonym for term. */
cx_status cx_writable_database_add_synonym(cx_writable_database *db, const char *term, size_t term_len,
                                           const char *synonym, size_t synonym_len, cx_error *err);
/** Removes synonym for term. */
cx_status cx_writable_database_remove_synonym(cx_writable_database *db, const char *term, size_t term_len,
                                              const char *synonym, size_t synonym_len, cx_error *err);
/** Removes all synonyms for term. */
cx_status cx_writable_database_clear_synonyms(cx_writable_database *db, const char *term, size_t term_len, cx_error *err);

/* ---------------------------------------------------------------- Document */

/** A new empty document. */
cx_status cx_document_new(cx_document **out, cx_error *err);
/** Frees a document. */
void cx_document_free(cx_document *doc);
/** The document id (0 for a document not read from a database). */
uint32_t cx_document_get_docid(const cx_document *doc);
/** The opaque data blob. */
cx_status cx_document_get_data(const cx_document *doc, char **out, size_t *out_len, cx_error *err);
/** Replaces the data blob. */
cx_status cx_document_set_data(cx_document *doc, const char *data, size_t len, cx_error *err);
/** Adds term (no positions) with wdf increment. */
cx_status cx_document_add_term(cx_document *doc, const char *term, size_t term_len, unsigned wdf_inc, cx_error *err);
/** Adds a filter term: wdf 0, so it never affects relevance. */
cx_status cx_document_add_boolean_term(cx_document *doc, const char *term, size_t term_len, cx_error *err);
/** Adds term at position (for phrase and NEAR queries). */
cx_status cx_document_add_posting(cx_document *doc, const char *term, size_t term_len, uint32_t position,
                                  unsigned wdf_inc, cx_error *err);
/** Removes term and its positions (InvalidArgumentError when absent). */
cx_status cx_document_remove_term(cx_document *doc, const char *term, size_t term_len, cx_error *err);
/** The document's terms in byte order, frequency = wdf. */
cx_status cx_document_terms(const cx_document *doc, cx_termlist **out, cx_error *err);
/** Sets the value in slot (an empty value removes it). */
cx_status cx_document_set_value(cx_document *doc, uint32_t slot, const char *value, size_t len, cx_error *err);
/** The value in slot ("" when unset). */
cx_status cx_document_get_value(const cx_document *doc, uint32_t slot, char **out, size_t *out_len, cx_error *err);

/* ---------------------------------------------------------------- Stem, TermGenerator */

/** A Snowball stemmer for language ("english", "en", "none"...); InvalidArgumentError if unknown. */
cx_status cx_stem_new(const char *language, cx_stem **out, cx_error *err);
/** Frees a stemmer. */
void cx_stem_free(cx_stem *stem);
/** Stems one word (handy for building Z-prefixed terms by hand). */
cx_status cx_stem_apply(const cx_stem *stem, const char *word, size_t word_len, char **out, size_t *out_len, cx_error *err);

/** Xapian::TermGenerator::stem_strategy, same order. */
typedef enum cx_stem_strategy {
    CX_STEM_NONE = 0, CX_STEM_SOME = 1, CX_STEM_ALL = 2, CX_STEM_ALL_Z = 3, CX_STEM_SOME_FULL_POS = 4
} cx_stem_strategy;

/** A new term generator (no stemmer, STEM_SOME, no flags). */
cx_status cx_termgenerator_new(cx_termgenerator **out, cx_error *err);
/** Frees a term generator. */
void cx_termgenerator_free(cx_termgenerator *tg);
/** Sets the stemmer; NULL means no stemming. The stemmer is copied (may be freed after). */
void cx_termgenerator_set_stemmer(cx_termgenerator *tg, const cx_stem *stem);
/** Sets the stemming strategy. */
void cx_termgenerator_set_stemming_strategy(cx_termgenerator *tg, cx_stem_strategy strategy);
/** Sets the flags (CX_TG_*). */
void cx_termgenerator_set_flags(cx_termgenerator *tg, unsigned flags);
/** Sets the document that index_text adds terms to (shared, not copied: doc sees the terms). */
void cx_termgenerator_set_document(cx_termgenerator *tg, const cx_document *doc);
/** Sets the database that receives spelling data when FLAG_SPELLING is set. */
void cx_termgenerator_set_database(cx_termgenerator *tg, cx_writable_database *db);
/** Indexes free text with positions; prefix applies to every term. */
cx_status cx_termgenerator_index_text(cx_termgenerator *tg, const char *text, size_t text_len, unsigned wdf_inc,
                                      const char *prefix, size_t prefix_len, cx_error *err);
/** Indexes free text without positions (smaller index, no phrase search). */
cx_status cx_termgenerator_index_text_without_positions(cx_termgenerator *tg, const char *text, size_t text_len,
                                                        unsigned wdf_inc, const char *prefix, size_t prefix_len,
                                                        cx_error *err);
/** Leaves a gap in positions so phrases cannot match across fields. */
void cx_termgenerator_increase_termpos(cx_termgenerator *tg, uint32_t delta);
/** The current term position. */
uint32_t cx_termgenerator_get_termpos(const cx_termgenerator *tg);
/** Sets the current term position. */
void cx_termgenerator_set_termpos(cx_termgenerator *tg, uint32_t position);

/* ---------------------------------------------------------------- Query */

/** Query operators (our own numbering; mapped to Xapian::Query::op inside). */
typedef enum cx_query_op {
    CX_OP_AND = 0, CX_OP_OR, CX_OP_AND_NOT, CX_OP_XOR, CX_OP_AND_MAYBE, CX_OP_FILTER, CX_OP_NEAR,
    CX_OP_PHRASE, CX_OP_ELITE_SET, CX_OP_SYNONYM, CX_OP_MAX, CX_OP_VALUE_RANGE, CX_OP_VALUE_GE,
    CX_OP_VALUE_LE, CX_OP_SCALE_WEIGHT
} cx_query_op;

/** A query for one term. */
cx_status cx_query_new_term(const char *term, size_t term_len, uint32_t wdf, uint32_t position,
                            cx_query **out, cx_error *err);
/** Combines subqueries with op (window for NEAR/PHRASE/ELITE_SET; 0 = default). Value and
 *  scale operators do not combine subqueries and give InvalidArgumentError. */
cx_status cx_query_new_combine(cx_query_op op, const cx_query *const *subqueries, size_t count, uint32_t window,
                               cx_query **out, cx_error *err);
/** Multiplies the weight of query by factor (>= 0). */
cx_status cx_query_new_scale(const cx_query *query, double factor, cx_query **out, cx_error *err);
/** Documents whose value in slot lies in [from, to] (byte order). */
cx_status cx_query_new_value_range(uint32_t slot, const char *from, size_t from_len, const char *to, size_t to_len,
                                   cx_query **out, cx_error *err);
/** Documents whose value in slot is >= value. */
cx_status cx_query_new_value_ge(uint32_t slot, const char *value, size_t len, cx_query **out, cx_error *err);
/** Documents whose value in slot is <= value. */
cx_status cx_query_new_value_le(uint32_t slot, const char *value, size_t len, cx_query **out, cx_error *err);
/** Every document (Query::MatchAll). */
cx_status cx_query_new_match_all(cx_query **out, cx_error *err);
/** A pseudo-random 1-in-rate sample of the documents (rate a power of two), picked by hashing
 *  document ids with seed: spread evenly whatever order the index was built in, and the same
 *  documents every time. Weightless: use it with CX_OP_FILTER. Local databases only (it cannot be
 *  serialised to a remote shard). */
cx_status cx_query_new_sample(uint32_t rate, uint32_t seed, cx_query **out, cx_error *err);
/** Every document, each with the same weight (Xapian's FixedWeightPostingSource): AND it with a
 *  boolean term to give the documents holding that term a fixed weight in a ranked search. */
cx_status cx_query_new_fixed_weight(double weight, cx_query **out, cx_error *err);
/** No document (Query::MatchNothing, also the empty query). */
cx_status cx_query_new_match_nothing(cx_query **out, cx_error *err);
/** Frees a query. */
void cx_query_free(cx_query *query);
/** Whether the query is empty (matches nothing). */
bool cx_query_empty(const cx_query *query);
/** Xapian's debugging description, e.g. "Query((Zeduc@1 OR ...))". */
cx_status cx_query_description(const cx_query *query, char **out, size_t *out_len, cx_error *err);

/* ---------------------------------------------------------------- RangeProcessor, QueryParser */

/** RP_SUFFIX = 1, RP_REPEATED = 2, RP_DATE_PREFER_MDY = 4 (Xapian's values). */
/** Plain string ranges over slot: "prefix a..b". */
cx_status cx_rangeprocessor_new_string(uint32_t slot, const char *str, size_t str_len, unsigned flags,
                                       cx_rangeprocessor **out, cx_error *err);
/** Date ranges over slot holding YYYYMMDD values; accepts YYYYMMDD, YYYY-MM-DD, D/M/Y... */
cx_status cx_rangeprocessor_new_date(uint32_t slot, const char *str, size_t str_len, unsigned flags, int epoch_year,
                                     cx_rangeprocessor **out, cx_error *err);
/** Numeric ranges over slot holding sortable_serialise'd values. */
cx_status cx_rangeprocessor_new_number(uint32_t slot, const char *str, size_t str_len, unsigned flags,
                                       cx_rangeprocessor **out, cx_error *err);
/** Frees a range processor; it must outlive every query parser it was added to. */
void cx_rangeprocessor_free(cx_rangeprocessor *rp);

/** A new query parser. */
cx_status cx_queryparser_new(cx_queryparser **out, cx_error *err);
/** Frees a query parser. */
void cx_queryparser_free(cx_queryparser *qp);
/** Sets the stemmer (NULL = none); copied. */
void cx_queryparser_set_stemmer(cx_queryparser *qp, const cx_stem *stem);
/** Sets the stemming strategy; match the one used at index time. */
void cx_queryparser_set_stemming_strategy(cx_queryparser *qp, cx_stem_strategy strategy);
/** Sets the operator between bare words (AND, OR, NEAR, PHRASE, ELITE_SET, SYNONYM, MAX only). */
cx_status cx_queryparser_set_default_op(cx_queryparser *qp, cx_query_op op, cx_error *err);
/** Sets the database used for spelling, synonyms and wildcards. */
void cx_queryparser_set_database(cx_queryparser *qp, const cx_database *db);
/** Maps field "title:" to free-text term prefix. */
cx_status cx_queryparser_add_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                                    const char *prefix, size_t prefix_len, cx_error *err);
/** Maps field to a boolean filter prefix; grouping (NULL = per field) says which filters OR. */
cx_status cx_queryparser_add_boolean_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                                            const char *prefix, size_t prefix_len,
                                            const char *grouping, size_t grouping_len, cx_error *err);
/** Adds a range processor (borrowed: keep rp alive as long as qp). */
cx_status cx_queryparser_add_rangeprocessor(cx_queryparser *qp, cx_rangeprocessor *rp,
                                            const char *grouping, size_t grouping_len, cx_error *err);
/**
 * A field processor's callback (Xapian::FieldProcessor): builds the query for the value of
 * `field:value` (quotes removed) by writing it into `result` with cx_query_assign. Returns false
 * when the value cannot be read; the parse then fails with a QueryParserError.
 */
typedef bool (*cx_field_processor_fn)(void *context, const char *value, size_t value_len, cx_query *result);
/** Copies source into target (both existing handles); for field processor callbacks. */
void cx_query_assign(cx_query *target, const cx_query *source);
/**
 * Maps `field:` to a callback; `context` is passed back and must outlive qp. As a boolean
 * field (`boolean` true) its queries filter, ORed within `grouping` (NULL = per field).
 */
cx_status cx_queryparser_add_field_processor(cx_queryparser *qp, const char *field, size_t field_len,
                                             cx_field_processor_fn fn, void *context, bool boolean,
                                             const char *grouping, size_t grouping_len, cx_error *err);
/** Parses a query string (QueryParserError on bad syntax). QueryParser::FLAG_* values. */
cx_status cx_queryparser_parse(cx_queryparser *qp, const char *text, size_t text_len, unsigned flags,
                               const char *default_prefix, size_t default_prefix_len, cx_query **out, cx_error *err);
/** The spelling-corrected query string of the last parse ("" when none). */
cx_status cx_queryparser_get_corrected_query_string(const cx_queryparser *qp, char **out, size_t *out_len, cx_error *err);

/* ---------------------------------------------------------------- Enquire, MSet, match spies */

/** Enquire::docid_order. */
typedef enum cx_docid_order { CX_DOCID_ASCENDING = 1, CX_DOCID_DESCENDING = 0, CX_DOCID_DONT_CARE = 2 } cx_docid_order;

/** A new enquire session over db (db may be freed afterwards: Xapian shares it). */
cx_status cx_enquire_new(const cx_database *db, cx_enquire **out, cx_error *err);
/** Frees an enquire. */
void cx_enquire_free(cx_enquire *enq);
/** Sets the query to run. */
cx_status cx_enquire_set_query(cx_enquire *enq, const cx_query *query, cx_error *err);
/** BM25 weighting (Xapian's default) with explicit parameters. */
cx_status cx_enquire_set_weighting_bm25(cx_enquire *enq, double k1, double k2, double k3, double b, double min_normlen,
                                        cx_error *err);
/** Boolean weighting: every match weighs 0, so order is by docid or sort key. */
cx_status cx_enquire_set_weighting_bool(cx_enquire *enq, cx_error *err);
/** TF-IDF weighting with Xapian's default normalisations. */
cx_status cx_enquire_set_weighting_tfidf(cx_enquire *enq, cx_error *err);
/** Orders by relevance only (the default). */
void cx_enquire_sort_by_relevance(cx_enquire *enq);
/** Orders by the value in slot; reverse = descending. */
void cx_enquire_sort_by_value(cx_enquire *enq, uint32_t slot, bool reverse);
/** Orders by value, ties broken by relevance. */
void cx_enquire_sort_by_value_then_relevance(cx_enquire *enq, uint32_t slot, bool reverse);
/** Orders by relevance, ties broken by value. */
void cx_enquire_sort_by_relevance_then_value(cx_enquire *enq, uint32_t slot, bool reverse);
/** Keeps at most max_per_key hits per value of slot; enabled=false turns collapsing off. */
void cx_enquire_set_collapse_key(cx_enquire *enq, bool enabled, uint32_t slot, uint32_t max_per_key);
/** Docid order among equal-ranked hits. */
void cx_enquire_set_docid_order(cx_enquire *enq, cx_docid_order order);
/** Adds a match spy (borrowed: keep spy alive as long as enq). */
cx_status cx_enquire_add_matchspy(cx_enquire *enq, cx_matchspy *spy, cx_error *err);
/** Removes all match spies. */
void cx_enquire_clear_matchspies(cx_enquire *enq);
/** Runs the query: hits [first, first+max); relevant docids feed the relevance feedback (RSet). */
cx_status cx_enquire_get_mset(cx_enquire *enq, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                              const uint32_t *relevant, size_t relevant_count, cx_mset **out, cx_error *err);
/** Expansion terms from the relevant documents (ESet) for "more like this". */
cx_status cx_enquire_get_eset(cx_enquire *enq, const uint32_t *relevant, size_t relevant_count, uint32_t max_items,
                              bool exclude_query_terms, cx_termlist **out, cx_error *err);

/** One hit of an MSet, copied out. collapse_key is malloc'd (free with cx_free_string). */
typedef struct cx_hit {
    uint32_t docid;
    uint32_t rank;
    int32_t percent;
    double weight;
    uint32_t collapse_count;
    char *collapse_key;
    size_t collapse_key_len;
} cx_hit;

/** Frees an MSet. */
void cx_mset_free(cx_mset *mset);
/** Number of hits in this page. */
uint32_t cx_mset_size(const cx_mset *mset);
/** Estimated total matches. */
uint32_t cx_mset_matches_estimated(const cx_mset *mset);
/** Lower bound on total matches. */
uint32_t cx_mset_matches_lower_bound(const cx_mset *mset);
/** Upper bound on total matches. */
uint32_t cx_mset_matches_upper_bound(const cx_mset *mset);
/** Copies hit index (0-based within this page) into *out. */
cx_status cx_mset_get_hit(const cx_mset *mset, uint32_t index, cx_hit *out, cx_error *err);
/** Fetches the document of hit index. */
cx_status cx_mset_get_document(const cx_mset *mset, uint32_t index, cx_document **out, cx_error *err);
/** A snippet of text around the query's matches (MSet::snippet); stem may be NULL. Flags are
 *  MSet::SNIPPET_* (BACKGROUND_MODEL 1, EXHAUSTIVE 2, EMPTY_WITHOUT_MATCH 4, CJK_NGRAM 2048). */
cx_status cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_len, size_t length, const cx_stem *stem,
                          unsigned flags, const char *hi_start, size_t hi_start_len, const char *hi_end,
                          size_t hi_end_len, const char *omit, size_t omit_len, char **out, size_t *out_len,
                          cx_error *err);
/** Term frequency of a query term as seen by this MSet. */
cx_status cx_mset_termfreq(const cx_mset *mset, const char *term, size_t term_len, uint32_t *out, cx_error *err);

/** A ValueCountMatchSpy over slot: counts each value among the documents the match sees. */
cx_status cx_valuecount_matchspy_new(uint32_t slot, cx_matchspy **out, cx_error *err);
/** A spy counting, over the matches, the terms that start with prefix (the prefix cut off): a
 *  facet of many values per document. Local databases only (a remote matcher cannot run it). */
cx_status cx_termprefix_matchspy_new(const char *prefix, size_t prefix_len, cx_matchspy **out, cx_error *err);
/** Frees a match spy. */
void cx_matchspy_free(cx_matchspy *spy);
/** Documents the spy has seen. */
uint32_t cx_matchspy_get_total(const cx_matchspy *spy);
/** The max_values most frequent values, by count descending; frequency = count. */
cx_status cx_matchspy_top_values(const cx_matchspy *spy, uint32_t max_values, cx_termlist **out, cx_error *err);
/** All values seen, in value order; frequency = count. */
cx_status cx_matchspy_values(const cx_matchspy *spy, cx_termlist **out, cx_error *err);

/** Value slots held in memory per document id, shared by every search in the process (thread-safe). */
cx_status cx_value_columns_new(cx_value_columns **out, cx_error *err);
/** Frees the columns; spies made from them keep what they use. */
void cx_value_columns_free(cx_value_columns *columns);
/** A spy counting slot's values from the columns, which are first extended to every document of db.
 *  *out is NULL when db is not one local database (count with cx_valuecount_matchspy_new then). */
cx_status cx_value_columns_matchspy_new(cx_value_columns *columns, const cx_database *db, uint32_t slot,
                                        cx_matchspy **out, cx_error *err);
/** Builds or extends slot's column to every document of db (no-op when db is not one local database). */
cx_status cx_value_columns_prepare(cx_value_columns *columns, const cx_database *db, uint32_t slot, cx_error *err);
/** Bytes the columns hold. */
cx_status cx_value_columns_memory(cx_value_columns *columns, uint64_t *out, cx_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */
