import Foundation

/// What a command printed, and how it ended.
struct Command {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `executable` in `folder` and waits, `deadline` seconds at most (a build with PDF
    /// handouts takes a while; one that hangs is killed and fails its test, named). Output and
    /// errors are read to the end on their own threads, so a chatty command cannot block on
    /// a full pipe.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String]? = nil,
                    deadline: TimeInterval = 300) throws -> Command {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = PipeReader(out.fileHandleForReading), stderr = PipeReader(err.fileHandleForReading)
        let named = "`" + ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ") + "`"
        try process.waitUntilExit(within: deadline, named)
        return Command(status: process.terminationStatus, stdout: try stdout.text(within: 30, named),
                       stderr: try stderr.text(within: 30, named))
    }
}
