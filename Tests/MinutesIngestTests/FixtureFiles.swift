import Foundation
import Testing

/// The sample documents in Fixtures/, found through the test bundle.
enum FixtureFiles {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)
            ?? Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }
}
