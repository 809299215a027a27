/// The named values of a template object (`TemplateValue.object`). A page's values are a few
/// dozen names that its templates look up a hundred times: each name's hash is worked out
/// once, when it is stored and when a template is read, and a lookup compares those numbers.
/// A `Dictionary` hashed every name again at every lookup, in every value on the way out, and
/// that and building the page's values were a twentieth of a large site's build.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    typealias Key = String
    typealias Value = TemplateValue

    /// A name with its hash.
    struct HashedName: Sendable {
        let name: String
        let hash: UInt64

        init(_ name: String) {
            self.name = name
            // FNV-1a: a few instructions a byte, for names of a few bytes. Over the bytes
            // where they are: going through `utf8` took five times as long.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            name.withBytes { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            self.hash = hash
        }
    }

    /// The names and values, shared by copies until one of them changes (copied first then).
    /// One object rather than a few arrays: a copy of the values counts one reference, and a
    /// template looks a name up where the values are, through `Storage.value(for:)`.
    private(set) var storage: Storage

    /// The values these began as, when shared (see `share`).
    var shared: SharedFields? { storage.shared }

    init() {
        storage = Storage()
    }

    /// Room for `capacity` names, made at once: a page makes dozens of small values (its
    /// table of contents, breadcrumbs, topics), and growing each from nothing allocated twice.
    init(capacity: Int) {
        storage = Storage(capacity: capacity)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(capacity: elements.count)
        for (name, value) in elements { self[name] = value }
    }

    init(_ values: [String: String]) {
        self.init(capacity: values.count)
        for (name, value) in values { self[name] = .text(value) }
    }

    /// The storage, for a change: copied first when other values hold it too.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    mutating func reserveCapacity(_ count: Int) {
        unique().reserve(count)
    }

    /// These values, to be the start of many pages' values: those made from them by adding
    /// names have them as their `shared`.
    mutating func share() {
        // The shared values get storage of their own: holding this one, which holds them as
        // its `shared`, would make a cycle that is never freed (a leak on every build).
        var snapshot = TemplateFields()
        snapshot.storage = Storage(copying: storage)
        unique().shared = SharedFields(snapshot)
    }

    subscript(name: String) -> TemplateValue? {
        get { self[HashedName(name)] }
        set {
            let key = HashedName(name)
            let storage = unique()
            if let index = storage.index(of: key) {
                if let shared = storage.shared, index < shared.fields.storage.count { storage.shared = nil }  // no longer what it began as
                if let newValue {
                    storage.values[index] = newValue
                } else {
                    storage.remove(at: index)
                }
            } else if let newValue {
                storage.append(key, newValue)
            }
        }
    }

    subscript(key: HashedName) -> TemplateValue? {
        storage.value(for: key)?.pointee
    }
}

extension TemplateFields {
    /// Names in the order first stored, each once, with its latest value. The values are kept
    /// in memory of their own, where they stay while the storage is unchanged: a template
    /// reads them there (`value(for:)`) instead of copying each, with every reference in it
    /// counted, at every lookup.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) private(set) var names: [HashedName] = []
        @exclusivity(unchecked) private(set) var values: UnsafeMutablePointer<TemplateValue>
        @exclusivity(unchecked) private var capacity: Int
        /// The values these began as, when those are shared by many pages' values (a section's
        /// chrome) and kept as they were: names only added since. See `SharedFields`.
        @exclusivity(unchecked) var shared: SharedFields?
        /// Past `scanned` names, where each hash's entry is: open addressing, `-1` for none.
        @exclusivity(unchecked) private var slots: [Int32] = []
        private static let scanned = 12

        var count: Int { names.count }

        init(capacity: Int = 0) {
            self.capacity = capacity
            values = UnsafeMutablePointer.allocate(capacity: capacity)
            names.reserveCapacity(capacity)
        }

        init(copying other: Storage) {
            (names, shared, slots, capacity) = (other.names, other.shared, other.slots, other.names.count)
            values = UnsafeMutablePointer.allocate(capacity: capacity)
            values.initialize(from: other.values, count: other.names.count)
        }

        deinit {
            values.deinitialize(count: names.count)
            values.deallocate()
        }

        /// Where the value named `key` is, while this storage lives unchanged.
        func value(for key: HashedName) -> UnsafePointer<TemplateValue>? {
            index(of: key).map { UnsafePointer(values + $0) }
        }

        func reserve(_ count: Int) {
            guard count > capacity else { return }
            let moved = UnsafeMutablePointer<TemplateValue>.allocate(capacity: count)
            moved.moveInitialize(from: values, count: names.count)
            values.deallocate()
            (values, capacity) = (moved, count)
            names.reserveCapacity(count)
        }

        func append(_ name: HashedName, _ value: TemplateValue) {
            if names.count == capacity { reserve(max(8, capacity * 2)) }
            (values + names.count).initialize(to: value)
            names.append(name)
            if names.count > Self.scanned { slots.count < names.count * 2 ? reindex() : place(names.count - 1) }
        }

        func remove(at index: Int) {
            (values + index).deinitialize(count: 1)
            (values + index).moveInitialize(from: values + index + 1, count: names.count - index - 1)
            names.remove(at: index)
            reindex()
        }

        func index(of key: HashedName) -> Int? {
            if slots.isEmpty {
                for index in names.indices where names[index].hash == key.hash && names[index].name == key.name {
                    return index
                }
                return nil
            }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if names[index].hash == key.hash && names[index].name == key.name { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// The slots made again: four for each name at least, so that few are taken.
        private func reindex() {
            guard names.count > Self.scanned else {
                slots = []
                return
            }
            var size = 32
            while size < names.count * 4 { size *= 2 }
            slots = Array(repeating: -1, count: size)
            for index in names.indices { place(index) }
        }

        private func place(_ index: Int) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: names[index].hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
