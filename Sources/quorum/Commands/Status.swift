import ArgumentParser
import Foundation
import MinutesIndex

extension Quorum {
    /// `quorum status`: what the daemon holds and how its sources fared.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the daemon's index: items, sources, failures, last commit.")

        @OptionGroup var target: TargetOptions

        @Flag(help: "Print the daemon's JSON as it is.")
        var json = false

        func run() async throws {
            let data = try await target.client.send(.GET, "/status")
            if json {
                print(String(decoding: data, as: UTF8.self))
                return
            }
            let status = try JSONDecoder().decode(StatusSummary.self, from: data)
            print("\(status.items) items from \(status.indexed_count) of \(status.source_count) sources; \(status.failed_count) failed")
            print("index \(status.index) (\(status.index_bytes / 1024) KiB), queue \(status.queue_depth), up \(status.uptime_seconds) s, last commit \(status.last_commit ?? "never")")
            for source in status.sources where source.state == .failed {
                print("  failed \(source.path): \(source.reason ?? "no reason recorded")")
            }
            if let undated = status.undated_items, undated > 0 {
                print("\(undated) items have no meeting date (year \"unknown\"; outside date filters)")
            }
            for path in status.needs_a_look ?? [] {
                print("  needs a look (few or no items found; see quorum parse --explain): \(path)")
            }
            if let shards = status.shards {
                print("shards: \(shards.answered.count) of \(shards.total) answering")
                for shard in shards.answered { print("  answering \(shard)") }
                for shard in shards.missing { print("  missing \(shard.name): \(shard.reason)") }
            }
        }

        /// The parts of `GET /status` the summary prints (field names as the API spells them).
        private struct StatusSummary: Decodable {
            struct Source: Decodable { let path: String; let state: SourceRecord.State; let reason: String? }
            let items: Int, source_count: Int, indexed_count: Int, failed_count: Int
            let index: String, index_bytes: Int, queue_depth: Int, uptime_seconds: Int
            let last_commit: String?
            let undated_items: Int?, needs_a_look: [String]?
            let sources: [Source]
            let shards: ShardSummary?
        }
    }
}
