import Testing
import Foundation
import Membrane
import MembraneLessons
import MembraneRequests
import MembraneTestSupport

/// The built-in lessons: the embedded list matches the files, every lesson's panel inputs exist on the page, and
/// the list answers the contract.
@Suite("lesson catalog")
struct CatalogTests {
    typealias T = LessonTesting

    static let lessonsDirectory = T.repository.appendingPathComponent("Sources/MembraneLessons/Lessons")

    @Test func everyFileIsEmbeddedOnceAndReadsTheSame() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.lessonsDirectory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(LessonCatalog.names))
        #expect(Set(LessonCatalog.names).count == LessonCatalog.names.count)
        for name in LessonCatalog.names {
            let onDisk = try String(contentsOf: Self.lessonsDirectory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            #expect(LessonCatalog.text(of: name) == onDisk, "\(name): the embedded text is the file's")
            #expect(!LessonReader.reservedLessonNames.contains(name))
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        }
        #expect(LessonCatalog.names.count >= 13)
    }

    /// Each lesson's workbench state names inputs the panel has (its `key: '…'` in panel-*.js, or a per-ion
    /// key such as `in.K` from a template `key: \`in.${name}\``).
    @Test func workbenchStateKeysExistOnThePage() throws {
        let page = T.repository.appendingPathComponent("Sources/MembraneWorkbench/Page")
        for lesson in try LessonCatalog.all() {
            guard let w = lesson.workbench else { continue }
            let file = try FileManager.default.contentsOfDirectory(atPath: page.path)
                .first { $0.hasPrefix("panel-") && (try? String(contentsOf: page.appendingPathComponent($0), encoding: .utf8))?.contains("id: '\(w.panel)'") == true }
            let source = try String(contentsOf: page.appendingPathComponent(try #require(file, "\(w.panel) panel")), encoding: .utf8)
            for (key, _) in w.state {
                let prefix = key.split(separator: ".").first.map(String.init) ?? key
                #expect(source.contains("key: '\(key)'") || source.contains("key: `\(prefix).${"), "\(lesson.name): \(w.panel) has \(key)")
            }
        }
    }

    @Test func listJSONHasNameAndTitle() throws {
        let run = try runMembrane(["lesson", "list", "--json"])
        #expect(run.status == 0)
        let items = try #require(run.json as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == LessonCatalog.names)
        #expect(items.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
    }

    @Test(arguments: LessonTesting.availableLessons)
    func keyJSONHasIdAndAnswer(lesson: String) throws {
        let run = try runMembrane(["lesson", lesson, "--key", "--json"])
        #expect(run.status == 0)
        let questions = try #require(run.object?["questions"] as? [[String: Any]])
        #expect(!questions.isEmpty && questions.allSatisfy { $0["id"] is String && $0["answer"] != nil })
    }

    /// What the page fetches to run a lesson has no answers in it.
    @Test(arguments: LessonTesting.availableLessons)
    func showRevealsNoAnswer(lesson: String) throws {
        let prepared = try T.prepared(lesson)
        let text = LessonSheet(prepared).json.render()
        let key = try prepared.key()
        for v in key where v.answer.number != nil {
            #expect(!text.contains("\(v.answer.number!)"), "\(lesson) \(v.id)")
        }
        guard case .array(let questions)? = LessonSheet(prepared).json["questions"] else { Issue.record("questions"); return }
        #expect(questions.allSatisfy { $0["answer"] == nil && $0["explanation"] == nil })
    }
}
