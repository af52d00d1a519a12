import CXapian

/// Parses a person's query string ("committee:cabinet \"home education\" -draft") into a ``Query``.
/// Not thread-safe: use one per thread (they are cheap to make).
public final class QueryParser {
    /// Which syntax the parser accepts (Xapian's `QueryParser::FLAG_*` bits).
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        /// Creates flags from Xapian's `FLAG_*` bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// AND, OR, NOT, XOR and brackets.
        public static let boolean = Flags(rawValue: UInt32(CX_QP_BOOLEAN))
        /// "quoted phrases".
        public static let phrase = Flags(rawValue: UInt32(CX_QP_PHRASE))
        /// +required and -excluded words.
        public static let lovehate = Flags(rawValue: UInt32(CX_QP_LOVEHATE))
        /// Boolean operators in any case ("and", "or").
        public static let booleanAnyCase = Flags(rawValue: UInt32(CX_QP_BOOLEAN_ANY_CASE))
        /// Trailing `*` wildcards (needs ``QueryParser/setDatabase(_:)``).
        public static let wildcard = Flags(rawValue: UInt32(CX_QP_WILDCARD))
        /// Queries made only of NOT terms.
        public static let pureNot = Flags(rawValue: UInt32(CX_QP_PURE_NOT))
        /// Treat the last word as a prefix (search-as-you-type).
        public static let partial = Flags(rawValue: UInt32(CX_QP_PARTIAL))
        /// Compute ``QueryParser/correctedQueryString`` from the database's spelling data.
        public static let spellingCorrection = Flags(rawValue: UInt32(CX_QP_SPELLING_CORRECTION))
        /// Expand words marked with `~` using the database's synonyms.
        public static let synonym = Flags(rawValue: UInt32(CX_QP_SYNONYM))
        /// Expand every word with its synonyms.
        public static let autoSynonyms = Flags(rawValue: UInt32(CX_QP_AUTO_SYNONYMS))
        /// Expand multi-word spans with their synonyms too.
        public static let autoMultiwordSynonyms = Flags(rawValue: UInt32(CX_QP_AUTO_MULTIWORD_SYNONYMS))
        /// Xapian's default: boolean, phrase and love/hate.
        public static let defaultFlags: Flags = [.boolean, .phrase, .lovehate]
    }

    let handle: OpaquePointer
    // Kept alive because the shim borrows them.
    private var rangeProcessors: [RangeProcessor] = []
    private var fieldProcessors: [FieldProcessor] = []
    private var database: Database?

    /// A parser with no stemmer, strategy `.some`, default operator `.or` and no prefixes.
    public init() {
        handle = mustCreate("query parser") { cx_queryparser_new($0, $1) }
        cx_queryparser_set_stemming_strategy(handle, stemmingStrategy.cValue)
    }

    deinit {
        cx_queryparser_free(handle)
    }

    /// The stemmer; match the one used at index time. nil turns stemming off.
    public var stemmer: Stem? {
        didSet { cx_queryparser_set_stemmer(handle, stemmer?.handle) }
    }

    /// How words are stemmed; match the ``TermGenerator`` strategy used at index time.
    public var stemmingStrategy: TermGenerator.StemStrategy = .some {
        didSet { cx_queryparser_set_stemming_strategy(handle, stemmingStrategy.cValue) }
    }

    /// The operator between bare words. Only `.and`, `.or`, `.near`, `.phrase`, `.eliteSet`,
    /// `.synonym` and `.max` are allowed; setting another is a programming error (traps). Use
    /// ``setDefaultOperator(_:)`` to get a thrown error instead.
    public var defaultOperator: Query.Operator = .or {
        didSet {
            do {
                try setDefaultOperator(defaultOperator)
            } catch {
                preconditionFailure("QueryParser.defaultOperator: \(error)")
            }
        }
    }

    /// Sets the default operator, throwing `.invalidArgument` for operators Xapian refuses.
    public func setDefaultOperator(_ op: Query.Operator) throws {
        try check { cx_queryparser_set_default_op(handle, op.cValue, $0) }
    }

    /// The database used for spelling correction, synonyms and wildcards.
    public func setDatabase(_ database: Database) {
        self.database = database
        cx_queryparser_set_database(handle, database.handle)
    }

    /// Maps `field:` in query strings to free-text terms with `prefix` (e.g. "title" → "S").
    public func addPrefix(field: String, prefix: String) {
        _ = withBytes(field) { fp, fn in
            withBytes(prefix) { pp, pn in cx_queryparser_add_prefix(handle, fp, fn, pp, pn, nil) }
        }
    }

    /// Maps `field:value` to a filter on term `prefix`+value. Filters on the same `grouping`
    /// (by default, the same field) are ORed; different groups are ANDed.
    public func addBooleanPrefix(field: String, prefix: String, grouping: String? = nil) {
        _ = withBytes(field) { fp, fn in
            withBytes(prefix) { pp, pn in
                withOptionalBytes(grouping) { gp, gn in
                    cx_queryparser_add_boolean_prefix(handle, fp, fn, pp, pn, gp, gn, nil)
                }
            }
        }
    }

    /// Adds a range processor, tried in the order added.
    public func addRangeProcessor(_ processor: RangeProcessor, grouping: String? = nil) {
        rangeProcessors.append(processor)
        _ = withOptionalBytes(grouping) { gp, gn in
            cx_queryparser_add_rangeprocessor(handle, processor.handle, gp, gn, nil)
        }
    }

    /// Maps `field:value` to the query `make` builds from the value, quotes removed (Xapian's
    /// `FieldProcessor`): for values that need normalising before they are terms. As a
    /// `boolean` field its queries filter, ORed with others of the same `grouping` (by default,
    /// the same field). When `make` returns nil, the parse fails with `.queryParser`.
    public func addFieldProcessor(field: String, boolean: Bool, grouping: String? = nil,
                                  _ make: @escaping (String) -> Query?) {
        let processor = FieldProcessor(make: make)
        fieldProcessors.append(processor)
        let context = Unmanaged.passUnretained(processor).toOpaque()
        _ = withBytes(field) { fp, fn in
            withOptionalBytes(grouping) { gp, gn in
                cx_queryparser_add_field_processor(handle, fp, fn, FieldProcessor.callback, context, boolean, gp, gn, nil)
            }
        }
    }

    /// Parses `query`; `.queryParser` on bad syntax. `defaultPrefix` applies to unprefixed words.
    public func parse(_ query: String, flags: Flags = .defaultFlags, defaultPrefix: String = "") throws -> Query {
        let result = try withBytes(query) { qp, qn in
            try withBytes(defaultPrefix) { dp, dn in
                try create { cx_queryparser_parse(handle, qp, qn, flags.rawValue, dp, dn, $0, $1) }
            }
        }
        return Query(handle: result)
    }

    /// The spelling-corrected form of the last parsed query ("" when nothing was corrected);
    /// needs `.spellingCorrection` and ``setDatabase(_:)``.
    public var correctedQueryString: String {
        (try? fetchString { cx_queryparser_get_corrected_query_string(handle, $0, $1, $2) }) ?? ""
    }
}

/// A Swift closure behind Xapian's `FieldProcessor`; the parser keeps it alive as long as itself.
private final class FieldProcessor {
    let make: (String) -> Query?

    init(make: @escaping (String) -> Query?) { self.make = make }

    /// Called by the shim while a query is parsed: builds the value's query into `result`.
    static let callback: cx_field_processor_fn = { context, value, length, result in
        guard let context, let result else { return false }
        let processor = Unmanaged<FieldProcessor>.fromOpaque(context).takeUnretainedValue()
        let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
        guard let query = processor.make(text) else { return false }
        cx_query_assign(result, query.handle)
        return true
    }
}
