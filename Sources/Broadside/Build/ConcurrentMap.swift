import Foundation

extension Array where Element: Sendable {
    /// `map`, with the calls spread over every core; the results keep their order, so output
    /// and messages are the same as a one-core build's.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Slots<T>(count: count)
        // A few chunks per core: enough to even out slow pages, few enough that handing out
        // work costs nothing next to doing it.
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
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

    /// The results, once every slot is set.
    func take() -> [T] {
        let values = Array(UnsafeBufferPointer(start: slots, count: count))
        slots.deinitialize(count: count)
        return values
    }

    deinit {
        slots.deallocate()
    }
}
