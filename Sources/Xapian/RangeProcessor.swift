import CXapian

/// Recognises "a..b" ranges in query strings and turns them into value-range queries.
///
/// The prefix is checked on the start of the range only (unless `.repeated`): with prefix
/// "date:", the parser accepts `date:2020-01-01..2020-12-31` (and `date:20200101..20201231`)
/// but not `2020-01-01..date:2020-12-31`. A date processor converts both ends to YYYYMMDD, so
/// the slot must hold YYYYMMDD strings; it accepts YYYYMMDD, YYYY-MM-DD and D/M/Y forms, and
/// rejects mixed forms such as `01/02/2020..2020-12-31` with `.queryParser`.
public final class RangeProcessor {
    /// Range processor options (Xapian's `RP_*` bits).
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        /// Creates flags from Xapian's `RP_*` bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// The string is a suffix on the end ("2..12kg") rather than a prefix on the start.
        public static let suffix = Flags(rawValue: UInt32(CX_RP_SUFFIX))
        /// The string may appear on both ends ("$1..$10").
        public static let repeated = Flags(rawValue: UInt32(CX_RP_REPEATED))
        /// Read ambiguous dates as month/day/year rather than day/month/year.
        public static let datePreferMDY = Flags(rawValue: UInt32(CX_RP_DATE_PREFER_MDY))
    }

    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cx_rangeprocessor_free(handle)
    }

    /// Byte-order ranges over `slot`.
    public static func string(slot: ValueSlot, prefix: String = "", flags: Flags = []) -> RangeProcessor {
        RangeProcessor(handle: mustCreate("range processor") { out, err in
            withBytes(prefix) { p, n in cx_rangeprocessor_new_string(slot, p, n, flags.rawValue, out, err) }
        })
    }

    /// Date ranges over `slot`, whose values are YYYYMMDD strings. Two-digit years are read
    /// relative to `epochYear`.
    public static func date(slot: ValueSlot, prefix: String = "", flags: Flags = [], epochYear: Int = 1970) -> RangeProcessor {
        RangeProcessor(handle: mustCreate("range processor") { out, err in
            withBytes(prefix) { p, n in cx_rangeprocessor_new_date(slot, p, n, flags.rawValue, Int32(clamping: epochYear), out, err) }
        })
    }

    /// Numeric ranges over `slot`, whose values come from ``sortableSerialise(_:)``.
    public static func number(slot: ValueSlot, prefix: String = "", flags: Flags = []) -> RangeProcessor {
        RangeProcessor(handle: mustCreate("range processor") { out, err in
            withBytes(prefix) { p, n in cx_rangeprocessor_new_number(slot, p, n, flags.rawValue, out, err) }
        })
    }
}
