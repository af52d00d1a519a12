import CXapian

/// An immutable Xapian query tree. Build one by hand, combine with ``and(_:)`` and friends, or
/// get one from ``QueryParser/parse(_:flags:defaultPrefix:)``.
public final class Query: CustomStringConvertible {
    /// Query operators (Xapian's `Query::op`).
    public enum Operator: Sendable {
        /// All subqueries match; weights add.
        case and
        /// Any subquery matches; weights add.
        case or
        /// The first subquery without the others.
        case andNot
        /// An odd number of subqueries match.
        case xor
        /// The first subquery; the others only add weight.
        case andMaybe
        /// The first subquery, restricted to documents matching the others (no weight from them).
        case filter
        /// Subqueries within a window of positions, in any order.
        case near
        /// Subqueries at consecutive positions, in order.
        case phrase
        /// The best-weighted few of the subqueries (Xapian's elite set).
        case eliteSet
        /// Subqueries treated as one term (how the parser expands synonyms).
        case synonym
        /// Any subquery matches; the weight is the maximum, not the sum.
        case max
        /// A value slot within a range: build with ``Query/valueRange(slot:from:to:)``.
        case valueRange
        /// A value slot at or above a bound: build with ``Query/valueGreaterOrEqual(slot:_:)``.
        case valueGE
        /// A value slot at or below a bound: build with ``Query/valueLessOrEqual(slot:_:)``.
        case valueLE
        /// A subquery with scaled weight: build with ``Query/init(scaling:by:)``.
        case scaleWeight

        var cValue: cx_query_op {
            switch self {
            case .and: return CX_OP_AND
            case .or: return CX_OP_OR
            case .andNot: return CX_OP_AND_NOT
            case .xor: return CX_OP_XOR
            case .andMaybe: return CX_OP_AND_MAYBE
            case .filter: return CX_OP_FILTER
            case .near: return CX_OP_NEAR
            case .phrase: return CX_OP_PHRASE
            case .eliteSet: return CX_OP_ELITE_SET
            case .synonym: return CX_OP_SYNONYM
            case .max: return CX_OP_MAX
            case .valueRange: return CX_OP_VALUE_RANGE
            case .valueGE: return CX_OP_VALUE_GE
            case .valueLE: return CX_OP_VALUE_LE
            case .scaleWeight: return CX_OP_SCALE_WEIGHT
            }
        }
    }

    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cx_query_free(handle)
    }

    /// Matches documents indexed by `term`; `position` matters only inside phrases.
    public convenience init(term: String, wdf: Int = 1, position: Int = 0) {
        self.init(handle: mustCreate("query") { out, err in
            withBytes(term) { p, n in cx_query_new_term(p, n, u32(wdf), u32(position), out, err) }
        })
    }

    /// Combines `subqueries` with `op`. The value and scale operators do not combine
    /// subqueries; passing one is a programming error (traps): use the static constructors,
    /// ``init(scaling:by:)``, or ``init(combining:_:window:)`` for a thrown error.
    public convenience init(_ op: Operator, _ subqueries: [Query]) {
        do {
            try self.init(combining: op, subqueries)
        } catch {
            preconditionFailure("Query(\(op), …): \(error)")
        }
    }

    /// Combines `subqueries` with `op`; `window` bounds `.near`/`.phrase` spans (0 = the number
    /// of subqueries). Throws `.invalidArgument` for operators that do not combine subqueries.
    public convenience init(combining op: Operator, _ subqueries: [Query], window: Int = 0) throws {
        let handles: [OpaquePointer?] = subqueries.map { $0.handle }
        let result = try withExtendedLifetime(subqueries) {
            try handles.withUnsafeBufferPointer { buffer in
                try create { cx_query_new_combine(op.cValue, buffer.baseAddress, buffer.count, u32(window), $0, $1) }
            }
        }
        self.init(handle: result)
    }

    /// Multiplies the weight of `query` by `factor` (≥ 0; negative traps). 0 makes it a filter.
    public convenience init(scaling query: Query, by factor: Double) {
        self.init(handle: mustCreate("scaled query") { cx_query_new_scale(query.handle, factor, $0, $1) })
    }

    /// Documents whose value in `slot` lies in `from...to`, compared as bytes.
    public static func valueRange(slot: ValueSlot, from: String, to: String) -> Query {
        Query(handle: mustCreate("value range query") { out, err in
            withBytes(from) { fp, fn in withBytes(to) { tp, tn in cx_query_new_value_range(slot, fp, fn, tp, tn, out, err) } }
        })
    }

    /// Documents whose value in `slot` is ≥ `value`.
    public static func valueGreaterOrEqual(slot: ValueSlot, _ value: String) -> Query {
        Query(handle: mustCreate("value query") { out, err in
            withBytes(value) { p, n in cx_query_new_value_ge(slot, p, n, out, err) }
        })
    }

    /// Documents whose value in `slot` is ≤ `value`.
    public static func valueLessOrEqual(slot: ValueSlot, _ value: String) -> Query {
        Query(handle: mustCreate("value query") { out, err in
            withBytes(value) { p, n in cx_query_new_value_le(slot, p, n, out, err) }
        })
    }

    /// Matches every document (e.g. to browse with filters only).
    public static var matchAll: Query {
        Query(handle: mustCreate("query") { cx_query_new_match_all($0, $1) })
    }

    /// A pseudo-random sample of about one document in `rate` (a power of two), picked by
    /// hashing document ids with `seed`: spread evenly over the index whatever order it was built
    /// in, and the same documents every time. It has no weight: combine it with `.filter`.
    /// Local databases only — a remote shard cannot run it.
    public static func sample(oneIn rate: Int, seed: UInt32 = 0) throws -> Query {
        Query(handle: try create { cx_query_new_sample(u32(rate), seed, $0, $1) })
    }

    /// Every document, each weighing `weight` (≥ 0): AND it with a boolean term (whose own
    /// weight is 0) to give the documents holding that term a fixed weight.
    public static func fixedWeight(_ weight: Double) throws -> Query {
        Query(handle: try create { cx_query_new_fixed_weight(weight, $0, $1) })
    }

    /// Matches no document.
    public static var matchNothing: Query {
        Query(handle: mustCreate("query") { cx_query_new_match_nothing($0, $1) })
    }

    /// Whether the query is empty (matches nothing), e.g. parsed from "".
    public var isEmpty: Bool {
        cx_query_empty(handle)
    }

    /// Xapian's description, e.g. "Query((Zeduc@1 OR educ@1))": for logs and tests.
    public var description: String {
        (try? fetchString { cx_query_description(handle, $0, $1, $2) }) ?? "Query(?)"
    }

    /// Both queries must match; weights add.
    public func and(_ other: Query) -> Query { Query(.and, [self, other]) }
    /// Either query may match; weights add.
    public func or(_ other: Query) -> Query { Query(.or, [self, other]) }
    /// This query, without documents matching `other`.
    public func andNot(_ other: Query) -> Query { Query(.andNot, [self, other]) }
    /// This query, restricted to documents matching `other`, which adds no weight.
    public func filter(_ other: Query) -> Query { Query(.filter, [self, other]) }
}
