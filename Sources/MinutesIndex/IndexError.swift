/// Errors of the minutes index that are not Xapian's own.
public enum IndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The index was written by a build with a different schema.
    case incompatibleSchema(found: String, expected: String)
    /// No item has this id.
    case itemNotFound(String)
    /// A search parameter is not valid (a bad date, an unknown facet or sort order).
    case invalidParameter(name: String, reason: String)

    public var description: String {
        switch self {
        case let .incompatibleSchema(found, expected):
            return "the index uses schema version \(found) but this build reads version \(expected); rebuild it with `quorum index`"
        case let .itemNotFound(id):
            return "no item with id '\(id)'"
        case let .invalidParameter(name, reason):
            return "invalid \(name): \(reason)"
        }
    }
}
