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
            // FNV-1a: a few instructions a byte, for names of a few bytes.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            self.hash = hash
        }
    }

    private struct Entry: Sendable {
        let key: HashedName
        var value: TemplateValue
    }

    /// In the order first stored; a name is stored once, its latest value kept.
    private var entries: [Entry] = []
    /// The values these began as, when those are shared by many pages' values (a section's
    /// chrome) and kept as they were: names only added since. See `SharedFields`.
    private(set) var shared: SharedFields?
    /// Past `scanned` entries, where each hash's entry is: open addressing, `-1` for none.
    private var slots: [Int32] = []
    private static let scanned = 12

    init() {}

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    init(_ values: [String: String]) {
        reserveCapacity(values.count)
        for (name, value) in values { self[name] = .text(value) }
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// These values, to be the start of many pages' values: those made from them by adding
    /// names have them as their `shared`.
    mutating func share() {
        shared = SharedFields(self)
    }

    subscript(name: String) -> TemplateValue? {
        get { self[HashedName(name)] }
        set {
            let key = HashedName(name)
            if let index = index(of: key) {
                if let shared, index < shared.fields.entries.count { self.shared = nil }  // no longer what it began as
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                    reindex()
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
                if entries.count > Self.scanned { slots.count < entries.count * 2 ? reindex() : place(entries.count - 1) }
            }
        }
    }

    subscript(key: HashedName) -> TemplateValue? {
        index(of: key).map { entries[$0].value }
    }

    private func index(of key: HashedName) -> Int? {
        if slots.isEmpty {
            for index in entries.indices where entries[index].key.hash == key.hash && entries[index].key.name == key.name {
                return index
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.key.hash == key.hash && entry.key.name == key.name { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The slots made again: four for each entry at least, so that few are taken.
    private mutating func reindex() {
        guard entries.count > Self.scanned else {
            slots = []
            return
        }
        var size = 32
        while size < entries.count * 4 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for index in entries.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].key.hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
