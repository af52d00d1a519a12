/// Someone in attendance who is not a member of the committee (an officer, an invited
/// councillor, a witness), named as printed, with the role the minutes give them.
public struct Attendee: Codable, Sendable, Equatable {
    /// The name as printed, titles kept ("Caroline Webb", "Councillor Watson", "Dr Priya Nair").
    public var name: String
    /// The role as printed ("Senior Adviser (Scrutiny and Member Development)"), when given.
    public var role: String?

    /// Someone with this name and, when the minutes give one, this role.
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}
