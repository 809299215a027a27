/// `forum:` on an event page, as written: `forum: true` for the kit with its defaults, or a
/// group of keys (`agenda`, `roles`, `rules`, `timer`, `pages`). Like `event:`, a translation
/// writes only what it says in its own words (usually `agenda`, `roles` and `rules`) and takes
/// the rest from the page it translates.
public struct ForumFields: Sendable, Equatable {
    /// One line of the run of show: `{time: "18:00", minutes: 10, item: Welcome, who: Moderator}`.
    public struct Item: Sendable, Equatable {
        /// A clock time on the event's day; without one, the item follows the one before it.
        public var time: Clock?
        public var minutes: Int?
        public var item: String
        public var who: String?
        /// Where the item is written, and its `time` and `minutes`, for messages about them.
        public var location: SourceLocation
        public var timeLocation: SourceLocation?
        public var minutesLocation: SourceLocation?
    }

    /// `18:00`: hours and minutes on a 24-hour clock.
    public struct Clock: Sendable, Hashable {
        public var hour: Int
        public var minute: Int

        /// `18:00` or `9:30`; nil for anything else (`6pm`, `25:00`).
        init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            (self.hour, self.minute) = (hour, minute)
        }
    }

    /// Who does what, as the author names both: `Moderator: Rosa Ejemplo`.
    public struct Role: Sendable, Equatable {
        public var role: String
        public var name: String
    }

    public var agenda: [Item]?
    public var roles: [Role]?
    public var rules: [String]?
    /// When the timekeeper holds up a card, in seconds left (`"2:00"`, `"0:30"`).
    public var timer: [Int]?
    /// Pages under Content/ whose glossary terms the interpreter packet lists, beside the
    /// event page's own and those it links to.
    public var pages: [Located<String>]?
    /// Where `forum:` is.
    public var location: SourceLocation
    /// In a translation, the keys of words (`agenda`, `roles`, `rules`) it took from its source.
    public var borrowed: [String] = []

    /// The keys written that hold words to translate.
    var wordKeys: [String] {
        [("agenda", agenda != nil), ("roles", roles != nil), ("rules", rules != nil)].filter(\.1).map(\.0)
    }

    /// Reads `forum:` when the page has one; nil without it, with `forum: false`, or after
    /// reporting a value that is neither true nor a group of keys.
    static func read(_ fields: inout YAMLReader, diagnostics: inout Diagnostics) -> ForumFields? {
        guard let value = fields.peek("forum"), let at = fields.location(ofKey: "forum") else { return nil }
        guard value.mapping != nil else {
            guard let on = fields.entry("forum").flatMap({ YAMLFields.bool($0.value) }) else {
                diagnostics.error("'forum' must be true, or a group of keys like `agenda:` (see README, \"Forum print kit\")",
                                  at: fields.location(ofValue: "forum"))
                return nil
            }
            return on ? ForumFields(location: at) : nil
        }
        guard let group = fields.mapping("forum", diagnostics: &diagnostics) else { return nil }
        var forum = ForumFields(location: at)
        forum.read(group, diagnostics: &diagnostics)
        return forum
    }

    private init(location: SourceLocation) {
        self.location = location
    }

    /// Every key is read before any is judged, so one run reports every problem.
    private mutating func read(_ group: YAMLFields, diagnostics: inout Diagnostics) {
        var reader = YAMLReader(group)
        if let entry = reader.entry("agenda") {
            agenda = Self.items(entry.value, in: group, diagnostics: &diagnostics)
        }
        if let named = reader.mapping("roles", diagnostics: &diagnostics) {
            roles = named.keys.compactMap { key in named.string(key, diagnostics: &diagnostics).map { Role(role: key, name: $0) } }
        }
        rules = reader.stringList("rules", diagnostics: &diagnostics)
        if let cues = reader.locatedStrings("timer", diagnostics: &diagnostics) {
            timer = cues.compactMap { cue in
                guard let seconds = Self.seconds(cue.value) else {
                    diagnostics.error("'\(cue.value)' is not a time left on the clock: write minutes and seconds, like \"2:00\" or \"0:30\"",
                                      at: cue.location)
                    return nil
                }
                return seconds
            }
        }
        pages = reader.locatedStrings("pages", diagnostics: &diagnostics)
        reader.finish(what: "forum", rule: .unknownKey, diagnostics: &diagnostics)
    }

    /// `"2:00"` → 120; the colon is needed, so that `2` is not read as seconds or minutes by guess.
    private static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]),
              minutes >= 0, (0...59).contains(seconds), minutes * 60 + seconds > 0 else { return nil }
        return minutes * 60 + seconds
    }

    private static func items(_ value: YAMLValue, in group: YAMLFields, diagnostics: inout Diagnostics) -> [Item]? {
        guard let list = value.list else {
            diagnostics.error("'agenda' must be a list of items, each like `- {time: \"18:00\", minutes: 10, item: Welcome}`",
                              at: group.location(of: value))
            return nil
        }
        return list.compactMap { written -> Item? in
            let at = group.location(of: written)
            guard let mapping = written.mapping else {
                diagnostics.error("each agenda item must be a group of keys, like `{time: \"18:00\", minutes: 10, item: Welcome}`", at: at)
                return nil
            }
            var fields = YAMLReader(YAMLFields(entries: mapping, path: group.path, lineOffset: group.lineOffset))
            let time = fields.string("time", diagnostics: &diagnostics)
            let minutes = fields.int("minutes", diagnostics: &diagnostics)
            let item = fields.string("item", diagnostics: &diagnostics)
            let who = fields.string("who", diagnostics: &diagnostics)
            fields.finish(what: "agenda item", rule: .unknownKey, diagnostics: &diagnostics)
            var valid = true
            let clock = time.flatMap(Clock.init)
            if let time, clock == nil {
                diagnostics.error("'\(time)' is not a time: write it on a 24-hour clock, like \"18:00\"", at: fields.location(ofValue: "time"))
                valid = false
            }
            if minutes == nil, fields.peek("minutes") != nil {
                valid = false  // reported as not a whole number
            } else if let minutes, minutes <= 0 {
                diagnostics.error("'minutes' must be 1 or more", at: fields.location(ofValue: "minutes"))
                valid = false
            }
            guard let item, !item.isEmpty else {
                diagnostics.error("this agenda item has no `item:`: say what happens, like `item: Opening statements`", at: at)
                return nil
            }
            guard valid else { return nil }
            return Item(time: clock, minutes: minutes, item: item, who: who, location: at,
                        timeLocation: fields.location(ofValue: "time"), minutesLocation: fields.location(ofValue: "minutes"))
        }
    }

    /// This translation's words over the forum of the page it translates.
    func over(_ source: ForumFields) -> ForumFields {
        var merged = source
        merged.agenda = agenda ?? source.agenda
        merged.roles = roles ?? source.roles
        merged.rules = rules ?? source.rules
        merged.timer = timer ?? source.timer
        merged.pages = pages ?? source.pages
        merged.location = location
        merged.borrowed = source.wordKeys.filter { !wordKeys.contains($0) }
        return merged
    }
}
