/// Dates as readers see them ("March 2, 2026") beside the machine form for `<time datetime>`.
enum DateText {
    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    static func context(_ day: Day?) -> [String: Any]? {
        guard let day else { return nil }
        return ["iso": day.description, "text": "\(months[day.month - 1]) \(day.day), \(day.year)"]
    }
}
