import Foundation

/// Values made once for a key and shared by the threads that render pages: a day's words in
/// a language, the chrome of a section's pages. Made outside the lock, so two threads that
/// need one at the same moment may both make it; they make the same.
final class MadeOnce<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ made[key] }) { return known }
        let value = make()
        lock.withLock { made[key] = value }
        return value
    }
}
