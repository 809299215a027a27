import Foundation

extension Array where Element: Sendable {
    /// `map`, with the calls spread over every core; the results keep their order, so output
    /// and messages are the same as a one-core build's.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.values.map { $0! }
    }
}

/// One slot per result, filled from many threads.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
