import Foundation

extension Array where Element: Sendable {
    /// `map`, with the calls spread over every core; the results keep their order, so output
    /// and messages are the same as a one-core build's.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Slots<T>(count: count)
        // Many chunks per core, each of pages spread over the list: the last to finish ends
        // soon after the others (16 chunks of 10,000 pages left a core idle for a tenth of a
        // second), and handing out a few hundred costs nothing next to making the pages.
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 64)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in stride(from: chunk, to: count, by: chunks) {
                results.set(index, transform(self[index]))
            }
        }
        return results.take()
    }
}

/// One slot per result, each written once, by one thread: no lock is needed to fill them.
private final class Slots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) {
        (slots + index).initialize(to: value)
    }

    /// The results, once every slot is set: moved out, not copied and then destroyed, which
    /// counted every reference in every result twice over, on one core, after the others.
    func take() -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: slots, count: count)
            initialized = count
        }
    }

    deinit {
        slots.deallocate()
    }
}

/// Work begun on another core now and waited for when its result is needed: what a step
/// that runs on one core can have done beside it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The result, once the work is done.
    var value: T {
        done.wait()
        return result!
    }
}
