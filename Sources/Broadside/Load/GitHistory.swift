import Foundation

/// Reads when files were last committed, in one `git log` for the whole folder.
enum GitHistory {
    @Sendable static func commitTimes(under folder: String) -> [String: Int] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Newest first; `%x00%ct` marks each commit, its changed files follow, relative to `folder`.
        git.arguments = ["git", "-c", "core.quotepath=off", "-C", folder, "log", "--format=%x00%ct", "--name-only", "--relative", "--", "."]
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return [:] }
        var times: [String: Int] = [:]
        var current = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.first == "\0" {
                current = Int(line.dropFirst()) ?? 0
            } else if times[String(line)] == nil {
                times[String(line)] = current
            }
        }
        return times
    }
}
