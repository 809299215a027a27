import ArgumentParser
import Foundation

@main
struct BroadsideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadside",
        abstract: "Build an outreach-toolkit website from Markdown and CSV.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ImportCommand.self, NewCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Exit codes the README promises: 0 built, 1 content errors, 2 usage errors. Argument
    /// parser's own default for bad usage is 64, so its errors are mapped here.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var serving = command as? AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
