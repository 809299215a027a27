import Foundation

/// Makes each forum's print kit in each language: times its run of show against the event,
/// finds the pages its interpreter packet reads, and lists its five documents in the
/// edition's print materials, beside the event's flyer.
struct ForumAssembly {
    let pages: [ContentPage]
    let translations: [String: [String: ContentPage]]
    let routes: Routes

    /// Seconds left on the timekeeper's cards before "Time": the usual two-minute answer.
    static let defaultTimer = [120, 60, 30]

    func assemble(_ editions: inout [Edition], claims: inout RouteClaims, diagnostics: inout Diagnostics) {
        for page in pages where page.event == nil {
            // A forum without a time cannot be timed; said once, on the page that wrote it.
            // An `event:` that could not be read has its own message.
            guard let forum = page.frontMatter.forumFields, forum.location.path == page.source.file.displayPath,
                  page.frontMatter.eventLocation == nil else { continue }
            diagnostics.report(.finding(.forumKit, "`forum:` makes a print kit only for an event: add `event:` with the forum's `start`, or remove `forum:`",
                                        at: forum.location))
        }
        for index in editions.indices {
            for (position, files) in editions[index].events.enumerated() {
                guard let fields = files.page.frontMatter.forumFields else { continue }
                let kit = self.kit(fields, files: files, strings: editions[index].strings, claims: &claims, diagnostics: &diagnostics)
                editions[index].events[position].forum = kit
                editions[index].documents += kit.documents.map(\.document)
            }
        }
    }

    private func kit(_ fields: ForumFields, files: EventFiles, strings: Strings, claims: inout RouteClaims,
                     diagnostics: inout Diagnostics) -> ForumKit {
        let page = files.page
        let file = page.source.file.displayPath
        // A translation that takes its source's values would repeat its source's messages.
        var ownProblems = Diagnostics()
        let agenda = fields.agenda.map { timed($0, event: files.event, diagnostics: &ownProblems) }
            ?? Self.defaultAgenda(files.event, strings: strings)
        let listed = (fields.pages ?? []).compactMap { find($0, language: page.language, diagnostics: &ownProblems) }
        for problem in ownProblems.all where problem.location?.path == file { diagnostics.report(problem) }
        // A translation that takes its source's agenda prints it in the source's words.
        let own = fields.location.path == file
        let at = own ? fields.location : SourceLocation(path: file)
        let borrowed = own ? fields.borrowed : fields.wordKeys
        if !borrowed.isEmpty, page.translationKey != page.source.file.relativePath {
            let keys = borrowed.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.report(.finding(.missingTranslation,
                "this page's forum kit prints the \(keys) of \(page.translationKey) in that page's words: add them under `forum:` here, in \(strings.language.name)",
                at: at))
        }
        var kit = ForumKit(page: page, event: files.event, agenda: agenda, roles: fields.roles ?? [], rules: fields.rules ?? [],
                           timer: fields.timer ?? Self.defaultTimer, pages: listed, documents: [])
        kit.documents = ForumKit.Part.allCases.map { part in
            let (html, pdf) = ForumKit.routes(of: part, beside: files)
            claims.claim(html, by: "the \(part.what) of \(file)", at: at, diagnostics: &diagnostics)
            claims.claim(pdf, by: "the \(part.what) PDF of \(file)", at: at, diagnostics: &diagnostics)
            var document = PrintDocument(route: html, pdf: pdf, title: strings[part.titleKey], language: page.language, group: page.title, source: file,
                                         pages: [page.source.file] + listed.map(\.source.file))
            document.what = part.what
            // A sheet of cards or sign-in lines that spills onto a second page is a layout
            // that went wrong (a long language list, a theme's override): said, not printed as is.
            switch part {
            case .questionCards, .signIn: (document.budget, document.advice) = (1, "that its layout allows: shorten the event's `languages`")
            case .timerCards: (document.budget, document.advice) = (kit.timer.count + 1, "that its cards allow, one each: check the theme's print.css")
            case .agenda, .interpreterPacket: break
            }
            document.budgetLocation = at
            return (part, document)
        }
        return kit
    }

    /// Each item's start: its own `time`, else where the one before it ends. Its length: its
    /// `minutes`, else until the next item's `time` or the event's end.
    private func timed(_ items: [ForumFields.Item], event: Event, diagnostics: inout Diagnostics) -> [ForumKit.Item] {
        let startDay = event.start.day
        func minute(_ time: Event.LocalTime) -> Int { startDay.days(until: time.day) * 24 * 60 + time.hour * 60 + time.minute }
        func clock(_ minute: Int) -> String { String(format: "%02d:%02d", (minute / 60) % 24, minute % 60) }
        let opens = minute(event.start)
        let closes = event.end.map(minute)
        var timed: [ForumKit.Item] = []
        var cursor = opens
        for (index, item) in items.enumerated() {
            var start = cursor
            if let time = item.time {
                start = time.hour * 60 + time.minute
                let at = item.timeLocation ?? item.location
                if start < opens {
                    diagnostics.report(.finding(.forumAgenda, "this item starts at \(clock(start)), before the event starts (\(clock(opens))): change its `time`, or the event's `start`",
                                                at: at))
                } else if start < cursor {
                    diagnostics.report(.finding(.forumAgenda, "this item starts at \(clock(start)), before the item above it ends (\(clock(cursor))): change its `time`, or shorten the item above",
                                                at: at))
                }
            }
            let next = items.dropFirst(index + 1).first?.time.map { $0.hour * 60 + $0.minute }
            let length: Int
            if let minutes = item.minutes {
                length = minutes
            } else if let until = next ?? (index == items.count - 1 ? closes : nil), until > start {
                length = until - start
            } else {
                diagnostics.error("this agenda item has no `minutes:`, and no time after it says when it ends: add `minutes:`, like `minutes: 10`",
                                  at: item.location)
                length = 0
            }
            if let closes, start + length > closes {
                diagnostics.report(.finding(.forumAgenda, "this item ends at \(clock(start + length)), after the event ends (\(clock(closes))): shorten it, or change the event's `end`",
                                            at: item.minutesLocation ?? item.timeLocation ?? item.location))
            }
            timed.append(ForumKit.Item(start: Self.time(startDay, minute: start), minutes: length, item: item.item, who: item.who))
            cursor = start + length
        }
        return timed
    }

    /// Without `agenda:`, the usual shape of a forum, fitted to the event's length (90 minutes
    /// when it has no end): welcome and ground rules, opening statements, audience questions,
    /// closing statements, next steps.
    static func defaultAgenda(_ event: Event, strings: Strings) -> [ForumKit.Item] {
        let opens = event.start.hour * 60 + event.start.minute
        let total = event.end.map { event.start.day.days(until: $0.day) * 24 * 60 + $0.hour * 60 + $0.minute - opens } ?? 90
        let shape: [(key: String, minutes: Int, who: String?)] = total >= 60
            ? [("forum_default_welcome", 10, "forum_role_moderator"), ("forum_default_openings", 15, "forum_role_candidates"),
               ("forum_default_questions", total - 40, "forum_role_moderator"), ("forum_default_closings", 10, "forum_role_candidates"),
               ("forum_default_next_steps", 5, "forum_role_host")]
            : [("forum_default_welcome", 5, "forum_role_moderator"), ("forum_default_questions", max(total - 10, 5), "forum_role_moderator"),
               ("forum_default_closings", 5, "forum_role_candidates")]
        var cursor = opens
        return shape.map { part in
            defer { cursor += part.minutes }
            return ForumKit.Item(start: time(event.start.day, minute: cursor), minutes: part.minutes, item: strings[part.key],
                                 who: part.who.map { strings[$0] })
        }
    }

    /// The wall-clock time `minute` minutes after midnight of `day` (past midnight: the next day).
    private static func time(_ day: Day, minute: Int) -> Event.LocalTime {
        let utc = TimeZone(identifier: "UTC")!
        let moment = Event.LocalTime(day: day, hour: 0, minute: 0).date(in: utc).addingTimeInterval(Double(minute) * 60)
        return Event.LocalTime(day: Day(moment, in: utc), hour: (minute / 60) % 24, minute: minute % 60)
    }

    /// A page listed under `pages:`, in `language` when it has that translation.
    private func find(_ path: Located<String>, language: String, diagnostics: inout Diagnostics) -> ContentPage? {
        guard let page = pages.first(where: { $0.source.file.relativePath == path.value }) else {
            let why = routes.drafts.contains(path.value) ? "is a draft" : "is not a page in the content folder"
            diagnostics.error("'\(path.value)' \(why): list pages by their path under Content/, like guides/da-forum.md", at: path.location)
            return nil
        }
        return translations[page.translationKey]?[language] ?? page
    }
}
