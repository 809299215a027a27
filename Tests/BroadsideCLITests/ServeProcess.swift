import Foundation

/// `broadside serve --port 0` in `folder` (with `more` arguments, like `--edit`), its output
/// and errors collected as they come.
func launchServe(in folder: URL, _ more: [String] = []) throws -> (Process, Collected, Collected) {
    let process = Process()
    process.executableURL = BuildCommandTests.binary
    process.arguments = ["serve", "--port", "0"] + more
    process.currentDirectoryURL = folder
    let printed = Collected(), errors = Collected()
    let outputPipe = Pipe(), errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    outputPipe.fileHandleForReading.readabilityHandler = { [printed] in printed.add($0.availableData) }
    errorPipe.fileHandleForReading.readabilityHandler = { [errors] in errors.add($0.availableData) }
    try process.run()
    return (process, printed, errors)
}

/// Text a pipe's handler adds on its own thread, read by the test.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func add(_ more: Data) {
        lock.withLock { data += more }
    }

    var text: String {
        lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
