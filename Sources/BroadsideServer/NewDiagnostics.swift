import Broadside
import Synchronization

/// The messages printed so far, so each build prints only those it adds.
final class NewDiagnostics: Sendable {
    private let printed = Mutex<[Diagnostic]>([])

    /// `diagnostics` in `Diagnostics.sorted` order. Both lists are in that order, so one walk
    /// through them finds what is new: a large site's thousands of messages, compared in a
    /// moment (messages of a page that was not made again are the same strings).
    func new(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let before = printed.withLock { printed in
            defer { printed = diagnostics }
            return printed
        }
        var old = before.startIndex
        return diagnostics.filter { diagnostic in
            while old < before.endIndex, Diagnostics.inOrder(before[old], diagnostic) { old += 1 }
            return old == before.endIndex || before[old] != diagnostic
        }
    }
}
