/// The named values of a template object (`TemplateValue.object`), in the order first stored.
/// A page's values are a few dozen names that its templates look up a hundred times, so each
/// name carries a hash worked out once (when it is stored, and when a template is read), and
/// a lookup compares those numbers before it compares any text.
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
            let bytes = name.utf8.span
            for index in bytes.indices { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            self.hash = hash
        }
    }

    private struct Entry: Sendable {
        let hash: UInt64
        let name: String
        var value: TemplateValue
    }

    /// In the order first stored.
    private var entries: [Entry] = []
    /// Past `scanned` names, where each name is: open addressing, a name's search starting at
    /// `hash & (slots.count - 1)`, `-1` for an empty slot. At most a quarter of the slots are
    /// taken, so a lookup mostly reads one.
    private var slots: [Int32] = []
    /// Up to this many names, a lookup compares their hashes in order, which is as quick.
    private static let scanned = 12
    /// The values these began as, when those are shared by many pages' values (a section's
    /// chrome) and kept as they were: names only added since. See `SharedFields`.
    private(set) var shared: SharedFields?

    init() {}

    /// Room for `capacity` names, made at once: a page makes dozens of small values (its
    /// table of contents, breadcrumbs, topics), and growing each from nothing allocates twice.
    init(capacity: Int) {
        reserveCapacity(capacity)
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(capacity: elements.count)
        for (name, value) in elements { self[name] = value }
    }

    init(_ values: [String: String]) {
        self.init(capacity: values.count)
        for (name, value) in values { self[name] = .text(value) }
    }

    var count: Int { entries.count }

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
            let index = index(of: key)
            if let index, let shared, index < shared.fields.count { self.shared = nil }  // no longer what it began as
            switch (index, newValue) {
            case (let index?, let value?):
                entries[index].value = value
            case (let index?, nil):
                entries.remove(at: index)
                reindex()
            case (nil, let value?):
                entries.append(Entry(hash: key.hash, name: name, value: value))
                if entries.count > Self.scanned { slots.count < entries.count * 4 ? reindex() : place(entries.count - 1) }
            case (nil, nil):
                break
            }
        }
    }

    @inline(__always)
    subscript(key: HashedName) -> TemplateValue? {
        index(of: key).map { entries[$0].value }
    }

    /// Where the value named `key` is in `entries`.
    @inline(__always)
    func index(of key: HashedName) -> Int? {
        let entries = entries.span
        if slots.isEmpty {
            for index in entries.indices where entries[index].hash == key.hash && entries[index].name == key.name {
                return index
            }
            return nil
        }
        let slots = slots.span, mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == key.hash && entries[index].name == key.name { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The slots made again, eight for each name (a power of two).
    private mutating func reindex() {
        guard entries.count > Self.scanned else {
            slots = []
            return
        }
        var size = 32
        while size < entries.count * 8 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for index in entries.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
