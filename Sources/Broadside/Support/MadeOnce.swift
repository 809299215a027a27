import Synchronization

/// Values made once for a key and shared by the threads that render pages: a day's words in
/// a language, the chrome of a section's pages. Made outside the lock, so two threads that
/// need one at the same moment may both make it; they make the same.
final class MadeOnce<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let made = Mutex<[Key: Value]>([:])

    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = made.withLock({ $0[key] }) { return known }
        let value = make()
        made.withLock { $0[key] = value }
        return value
    }
}
