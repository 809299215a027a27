import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map`, with the calls spread over every core; the results keep their order, so output
    /// and messages are the same as a one-core build's.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        // Many chunks per core, each of pages spread over the list: the last to finish ends
        // soon after the others (16 chunks of 10,000 pages left a core idle for a tenth of a
        // second), and handing out a few hundred costs nothing next to making the pages.
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 64)
        // Chunk `c` makes the results of `c`, `c + chunks`, … in a list of its own, handed in
        // once, last result first.
        let made = Mutex([[T]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var results: [T] = []
            results.reserveCapacity((count - chunk + chunks - 1) / chunks)
            for index in stride(from: chunk, to: count, by: chunks) {
                results.append(transform(self[index]))
            }
            results.reverse()
            made.withLock { $0[chunk] = results }
        }
        // Taken off the end of each chunk's list in turn: moved into place, not copied, which
        // would count every reference in every result once more, on one core, after the others.
        var parts = made.withLock { parts in
            defer { parts = [] }
            return parts
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for index in 0..<count {
            results.append(parts[index % chunks].removeLast())
        }
        return results
    }
}

/// Work begun on another core now and waited for when its result is needed: what a step
/// that runs on one core can have done beside it.
final class Background<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.leave()
        }
    }

    /// The result, once the work is done.
    var value: T {
        done.wait()
        return result.withLock { $0! }
    }
}
