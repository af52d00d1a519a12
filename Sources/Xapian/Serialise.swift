import CXapian

/// Encodes `value` so that its bytes sort like the number: for numeric value slots, sorting
/// and ``RangeProcessor/number(slot:prefix:flags:)``.
public func sortableSerialise(_ value: Double) -> [UInt8] {
    (try? fetchBytes { cx_sortable_serialise(value, $0, $1, $2) }) ?? []
}

/// Decodes bytes made by ``sortableSerialise(_:)``.
public func sortableUnserialise(_ bytes: [UInt8]) -> Double {
    withBytes(bytes) { p, n in cx_sortable_unserialise(p, n) }
}

/// The version of the linked Xapian library, e.g. "1.4.22".
public var xapianVersion: String {
    String(cString: cx_version_string())
}
