/// A candidate forum's print kit, made from its event page's `forum:`: the run of show with
/// each item's start and length worked out, and the five documents printed beside the flyer.
public struct ForumKit: Sendable {
    /// One line of the run of show, timed.
    public struct Item: Sendable {
        public var start: Event.LocalTime
        public var minutes: Int
        public var item: String
        public var who: String?
    }

    /// The five documents, in the order the kit lists them; the raw value ends their file names.
    public enum Part: String, CaseIterable, Sendable {
        case agenda
        case questionCards = "question-cards"
        case signIn = "sign-in"
        case timerCards = "timer-cards"
        case interpreterPacket = "interpreter-packet"

        /// What messages call it: "this sheet of question cards prints on 2 pages".
        var what: String {
            switch self {
            case .agenda: "forum run of show"
            case .questionCards: "sheet of question cards"
            case .signIn: "sign-in sheet"
            case .timerCards: "set of timer cards"
            case .interpreterPacket: "interpreter packet"
            }
        }

        /// Its title's key in the interface words (`forum_agenda`).
        var titleKey: String { "forum_" + rawValue.replacingOccurrences(of: "-", with: "_") }
    }

    public var page: ContentPage
    public var event: Event
    /// The run of show; made from the event's times when `forum:` gives none.
    public var agenda: [Item]
    public var roles: [ForumFields.Role]
    /// Ground rules as written; empty for the built-in nonpartisan ones.
    public var rules: [String]
    /// Seconds left on each timekeeper card before the last one, which says time is up.
    public var timer: [Int]
    /// Pages listed under `pages:`, in the kit's language where translated.
    public var pages: [ContentPage]
    public var documents: [(part: Part, document: PrintDocument)]

    /// The kit's document of one kind.
    public func document(_ part: Part) -> PrintDocument? {
        documents.first { $0.part == part }?.document
    }

    /// `flyers/events-da-forum-2027-agenda/index.html` beside the flyer `flyers/events-da-forum-2027/`.
    static func routes(of part: Part, beside files: EventFiles) -> (html: Route, pdf: Route) {
        let flyer = files.flyerPDF.path.dropLast(".pdf".count)
        return (Route("\(flyer)-\(part.rawValue)/index.html"), Route("\(flyer)-\(part.rawValue).pdf"))
    }
}
