import Membrane
import MembraneReport

/// `membrane lesson list`: every lesson with its title, its panel, how many questions it asks and whether this
/// build has the commands it needs.
public struct LessonList: Renderable, Sendable {
    public struct Item: Sendable {
        public var lesson: Lesson
        public var missing: [String]
        public var available: Bool { missing.isEmpty }
    }

    public var items: [Item]

    public init(lessons: [Lesson], runner: CommandRunner) {
        items = lessons.map { Item(lesson: $0, missing: $0.requires.filter { !runner.commands.contains($0) }) }
    }

    public var json: JSONValue {
        .array(items.map { item in
            var pairs: [(String, JSONValue)] = [
                ("name", .string(item.lesson.name)), ("title", .string(item.lesson.title)),
                ("panel", item.lesson.workbench.map { .string($0.panel) } ?? .null),
                ("questions", .integer(item.lesson.questions.count)), ("available", .bool(item.available)),
            ]
            if !item.available {
                pairs.append(("requires", .array(item.missing.map { .string($0) })))
            }
            return .object(pairs)
        })
    }

    public var text: String {
        var table = TextTable(headers: ["lesson", "title", "panel", "questions"], alignments: [.left, .left, .left, .right])
        for item in items {
            let title = item.available ? item.lesson.title
                : "\(item.lesson.title) (needs 'membrane \(item.missing.map { $0.replacingAll("/", with: " ") }.joined(separator: "', '"))', not in this build)"
            table.add([item.lesson.name, title, item.lesson.workbench?.panel ?? "", "\(item.lesson.questions.count)"])
        }
        return table.render() + "\nStart one with 'membrane lesson NAME'; 'membrane lesson NAME --key' prints its answers."
    }
}
