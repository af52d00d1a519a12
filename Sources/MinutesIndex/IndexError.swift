/// Errors of the minutes index that are not Xapian's own.
public enum IndexError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The index was written by a build with a different schema.
    case incompatibleSchema(found: String, expected: String)
    /// No item has this id.
    case itemNotFound(String)
    /// A search parameter is not valid (a bad date, an unknown facet or sort order).
    case invalidParameter(name: String, reason: String)
    /// A search names a parameter that does not exist (a typo should not pass silently).
    case unknownParameter(String, known: [String])
    /// A search gives a parameter that is taken once more than once.
    case repeatedParameter(String)

    public var description: String {
        switch self {
        case let .incompatibleSchema(found, expected):
            return "the index uses schema version \(found) but this build reads version \(expected); quorumd rebuilds it from its watched folders on start, or remove the folder and run `quorum index` again"
        case let .itemNotFound(id):
            return "no item with id '\(id)'"
        case let .invalidParameter(name, reason):
            return "invalid \(name): \(reason)"
        case let .repeatedParameter(name):
            return "parameter '\(name)' may be given once"
        case let .unknownParameter(name, known):
            return "unknown parameter '\(name)' (known: \(known.joined(separator: ", ")))"
        }
    }
}
