// swift-tools-version: 6.1
import PackageDescription
import Foundation

// QUORUM_CORE_ONLY=1 builds and tests only the library core (CXapian, Xapian, MinutesIngest,
// MinutesIndex), which needs no Swift package from outside: quick to build on a small machine.
let coreOnly = ProcessInfo.processInfo.environment["QUORUM_CORE_ONLY"] == "1"

// Arrows point one way: executables → QuorumServer → MinutesIndex → {MinutesIngest, Xapian} → CXapian.
// Every target names each module it imports: none arrives through another's dependencies.
let fullPackage = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        .executable(name: "quorumd", targets: ["quorumd"]),
        .library(name: "Xapian", targets: ["Xapian"]),
        .library(name: "MinutesIngest", targets: ["MinutesIngest"]),
        .library(name: "MinutesIndex", targets: ["MinutesIndex"]),
        .library(name: "QuorumServer", targets: ["QuorumServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The only C++ in the project: a C header over libxapian (pkg-config xapian-core).
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("stdc++")]
        ),
        .target(name: "Xapian", dependencies: ["CXapian"]),
        .target(name: "MinutesIngest"),
        .target(name: "MinutesIndex", dependencies: ["Xapian", "MinutesIngest"]),
        .target(
            name: "QuorumServer",
            dependencies: [
                "MinutesIndex",
                "MinutesIngest",
                "Xapian",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The templates are built into the binary by scripts/embed-pages (Pages/EmbeddedPages.swift).
            exclude: ["Pages/Templates"]
        ),
        .executableTarget(
            name: "quorumd",
            dependencies: [
                "QuorumServer",
                "MinutesIndex",
                "MinutesIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "MinutesIndex",
                "MinutesIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Benchmarks/run's query driver: the mix in process and over the socket (not shipped).
        .executableTarget(name: "quorum-bench", dependencies: ["MinutesIndex", "MinutesIngest", "Xapian"], path: "Benchmarks/QuorumBench"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian"]),
        .testTarget(name: "MinutesIngestTests", dependencies: ["MinutesIngest"], exclude: ["Devset"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MinutesIndexTests", dependencies: ["MinutesIndex", "MinutesIngest", "Xapian"], exclude: ["Judgements"]),
        .testTarget(
            name: "QuorumServerTests",
            dependencies: [
                "QuorumServer",
                "MinutesIndex",
                "Xapian",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs the built binaries; imports only Foundation.
        .testTarget(name: "QuorumCLITests"),
    ],
    cxxLanguageStandard: .cxx17
)

if coreOnly {
    let coreNames: Set<String> = ["CXapian", "Xapian", "MinutesIngest", "MinutesIndex",
                                  "XapianTests", "MinutesIngestTests", "MinutesIndexTests"]
    fullPackage.targets = fullPackage.targets.filter { coreNames.contains($0.name) }
    fullPackage.products = fullPackage.products.filter { coreNames.contains($0.name) }  // core products are named for their targets
    fullPackage.dependencies = []
}
let package = fullPackage
