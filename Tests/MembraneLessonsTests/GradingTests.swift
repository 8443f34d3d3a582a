import Testing
import Foundation
import Membrane
import MembraneLessons
import MembraneRequests
import MembraneTestSupport

/// Grading is the key's own computation: the key scores 100 %, every numeric answer pushed just outside its
/// tolerance is wrong (and just inside right), every wrong choice is wrong, each with an explanation that
/// carries the student's number; recognised mistakes get their feedback; malformed answers are errors at their
/// line.
@Suite("lesson grading")
struct GradingTests {
    typealias T = LessonTesting

    static func keySheet(_ prepared: PreparedLesson) throws -> AnswerSheet {
        AnswerSheet(entries: try prepared.key().map { v in
            AnswerSheet.Entry(id: v.id, text: v.answer.number.map { "\($0)" } ?? v.answer.description)
        })
    }

    @Test(arguments: LessonTesting.availableLessons)
    func keyScoresFull(lesson: String) throws {
        let prepared = try T.prepared(lesson)
        let grade = try prepared.grade(Self.keySheet(prepared))
        #expect(grade.score == 1, "\(lesson)")
        #expect(grade.verdicts.allSatisfy { $0.correct && $0.feedback.isEmpty && !$0.explanation.isEmpty })
    }

    @Test(arguments: LessonTesting.availableLessons)
    func answersOutsideTheirToleranceAreWrong(lesson: String) throws {
        let prepared = try T.prepared(lesson)
        for (i, verdict) in try prepared.key().enumerated() {
            if let range = verdict.accepted {
                let half = (range.upperBound - range.lowerBound) / 2, centre = (range.upperBound + range.lowerBound) / 2
                for factor in [-1.01, 1.01] {
                    let wrong = centre + factor * half
                    let v = try prepared.verdict(i, given: "\(wrong)")
                    #expect(!v.correct, "\(lesson) \(verdict.id): \(wrong) outside \(range)")
                    #expect(!v.explanation.isEmpty)
                    if v.explanation.contains("You answered") {
                        #expect(v.explanation != verdict.explanation, "\(lesson) \(verdict.id): the explanation shows the student's number")
                    }
                }
                for factor in [-0.99, 0.99] {
                    #expect(try prepared.verdict(i, given: "\(centre + factor * half)").correct, "\(lesson) \(verdict.id) inside")
                }
            } else {
                guard case .choice(let choices) = prepared.lesson.questions[i].kind else { Issue.record("no range"); continue }
                for c in choices where LessonValue.text(c.key) != verdict.answer {
                    let v = try prepared.verdict(i, given: c.key)
                    #expect(!v.correct && !v.explanation.isEmpty, "\(lesson) \(verdict.id) \(c.key)")
                }
            }
        }
    }

    @Test func trapsExplainTheMistake() throws {
        let ljp = try T.prepared("ljp-correction")
        let key = try ljp.key()
        let corrected = try #require(key.first { $0.id == "corrected" }?.answer.number)
        let ljpValue = try #require(key.first { $0.id == "ljp" }?.answer.number)
        // Adding the LJP instead of subtracting it: −48.1 + LJP.
        let added = try ljp.verdict(1, given: "\(-48.1 + ljpValue)")
        #expect(!added.correct)
        #expect(added.feedback.contains { $0.contains("subtracted") })
        #expect(added.explanation.contains(NumberStyle.fixed(1, sign: false).format(corrected)))
        // The sign flip of E_K.
        let nernst = try T.prepared("nernst-valence")
        let flipped = try nernst.verdict(0, given: "+89")
        #expect(!flipped.correct && flipped.feedback.contains { $0.contains("sign") })
        // A wrong choice's own feedback.
        let valence = try nernst.verdict(3, given: "double")
        #expect(!valence.correct && valence.feedback.contains { $0.contains("less voltage") })
    }

    @Test func answersWithUnitsAndTypographicMinus() throws {
        let nernst = try T.prepared("nernst-valence")
        #expect(try nernst.verdict(0, given: "−89.1 mV").correct)
        #expect(try nernst.verdict(0, given: "-89.1mV").correct)
        #expect(try nernst.verdict(3, given: " HALF ").correct)
    }

    @Test func unansweredQuestionsCountAsWrongAndRevealNothing() throws {
        let grade = try LessonGradeRequest(name: "nernst-valence", answers: LessonAnswers(AnswerSheet(entries: [.init(id: "E_K", text: "-89")])))
            .result().output
        #expect(isClose(grade.score, 0.25, within: 1e-12))
        let json = grade.json
        guard case .array(let questions)? = json["questions"] else { Issue.record("no questions"); return }
        #expect(questions.count == 4)
        #expect(questions[1]["answered"] == .bool(false))
        #expect(questions[1]["answer"] == nil && questions[1]["explanation"] == nil)
        #expect(questions[0]["correct"] == .bool(true))
    }

    // MARK: malformed answer files

    static func gradeError(_ text: String, file: String = "answers.json") -> String? {
        do {
            let sheet = try AnswerSheet.parse(text, file: file)
            _ = try T.prepared("nernst-valence").grade(sheet)
            return nil
        } catch let error as MembraneError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func malformedAnswerFilesNameTheLine() throws {
        let syntax = try #require(Self.gradeError("{\n  \"E_K\": -89,\n  \"E_Ca\" 128\n}"))
        #expect(syntax.hasPrefix("answers.json:3:"), "\(syntax)")
        let unknown = try #require(Self.gradeError("{\n  \"E_K\": -89,\n  \"E_k\": -89\n}"))
        #expect(unknown.hasPrefix("answers.json:3:") && unknown.contains("E_K"), "\(unknown)")
        let word = try #require(Self.gradeError("{\"E_K\": -89,\n\"E_Ca\": \"plenty\"}"))
        #expect(word.hasPrefix("answers.json:2:") && word.contains("a number"), "\(word)")
        let comma = try #require(Self.gradeError("{\"E_K\": \"-89,1\"}"))
        #expect(comma.contains("decimal point"), "\(comma)")
        let nested = try #require(Self.gradeError("{\"E_K\": [1, 2]}"))
        #expect(nested.hasPrefix("answers.json:1:") && nested.contains("a number or a text"), "\(nested)")
        let choice = try #require(Self.gradeError("{\n\n\"halving\": \"quarter\"}"))
        #expect(choice.hasPrefix("answers.json:3:") && choice.contains("half, same, double"), "\(choice)")
        let notObject = try #require(Self.gradeError("[1, 2]"))
        #expect(notObject.hasPrefix("answers.json:1:1"), "\(notObject)")
    }

    /// The command line, as a grading script runs it: exit status, JSON on stdout, JSON errors on stderr.
    @Test func commandLineGrading() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json"), bad = dir.appendingPathComponent("bad.json")
        try #"{"E_K": -89, "E_Ca": 128.5, "E_Cl": -76, "halving": "half"}"#.write(to: good, atomically: true, encoding: .utf8)
        try "{\n  \"E_K\": -89,\n  \"E_Cl\": -76,\n  \"E_kk\": 1\n}".write(to: bad, atomically: true, encoding: .utf8)

        let run = try runMembrane(["lesson", "nernst-valence", "--answers", good.path, "--json"])
        #expect(run.status == 0)
        let object = try #require(run.object)
        #expect(object["score"] as? Double == 1)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["E_K", "E_Ca", "E_Cl", "halving"])
        #expect(questions.allSatisfy { $0["correct"] as? Bool == true })

        let failed = try runMembrane(["lesson", "nernst-valence", "--answers", bad.path, "--json"])
        #expect(failed.status == 64)
        #expect(failed.stdout.isEmpty)
        let message = try #require((failed.errorObject?["error"] as? [String: Any])?["message"] as? String)
        #expect(message.hasPrefix("\(bad.path):4:"), "\(message)")

        // The same sheet as `lesson grade`, the request's own subcommand.
        let sub = try runMembrane(["lesson", "grade", "nernst-valence", "--answers", good.path, "--json"])
        #expect(sub.stdout == run.stdout)
    }
}
