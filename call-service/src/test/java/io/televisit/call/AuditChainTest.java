package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.televisit.testing.TestStack;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log against real PostgreSQL: the service's role cannot change it, and tampering by someone who can (the
 * schema owner, a DBA) is found by the verification, which names the first broken entry. Each case restores the row.
 */
@QuarkusTest
class AuditChainTest {

    private static final String VERIFY = "/api/calls/v1/audit/verification";
    private final String admin = TestTokens.admin(TestTokens.newSubject());
    private final String clinician = TestTokens.clinician(TestTokens.newSubject());

    @Test
    void theServiceRoleCanNeitherUpdateNorDeleteAuditRows() throws SQLException {
        Visits.schedule(clinician, TestTokens.newSubject());
        try (Connection app = connect("call_app"); Statement sql = app.createStatement()) {
            for (String change : new String[]{"UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry"}) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(change), change);
                assertEquals("42501", refused.getSQLState(), "permission denied for: " + change);
            }
        }
    }

    @Test
    void aModifiedEntryIsFound() throws SQLException {
        long seq = latestEntry();
        try (Connection owner = connect("call")) {
            String original = actorOf(seq, owner);
            setActor(owner, seq, "someone-else");
            brokenAt(seq, "modified");
            setActor(owner, seq, original);
        }
        intact();
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        long seq = latestEntry() - 1;
        try (Connection owner = connect("call"); Statement sql = owner.createStatement()) {
            sql.executeUpdate("CREATE TEMP TABLE saved AS SELECT * FROM audit_entry WHERE seq = " + seq);
            sql.executeUpdate("DELETE FROM audit_entry WHERE seq = " + seq);
            brokenAt(seq + 1, "deleted or reordered");
            sql.executeUpdate("INSERT INTO audit_entry SELECT * FROM saved");
        }
        intact();
    }

    @Test
    void reorderedEntriesAreFound() throws SQLException {
        // Not the newest entry: the verification call itself appends after it, linked to its hash.
        long second = latestEntry() - 1;
        long first = second - 1;
        String columns = "occurred_at, actor, action, visit_id, details, prev_hash, hash";
        try (Connection owner = connect("call"); Statement sql = owner.createStatement()) {
            sql.executeUpdate("CREATE TEMP TABLE a AS SELECT " + columns + " FROM audit_entry WHERE seq = " + first);
            sql.executeUpdate("CREATE TEMP TABLE b AS SELECT " + columns + " FROM audit_entry WHERE seq = " + second);
            // Swap the two entries' contents; the unique hash column needs a moment with a placeholder.
            sql.executeUpdate("UPDATE audit_entry SET hash = 'tmp' WHERE seq = " + second);
            sql.executeUpdate(swapInto(first, "b", columns));
            sql.executeUpdate(swapInto(second, "a", columns));
            brokenAt(first, "deleted or reordered");
            sql.executeUpdate("UPDATE audit_entry SET hash = 'tmp' WHERE seq = " + second);
            sql.executeUpdate(swapInto(first, "a", columns));
            sql.executeUpdate(swapInto(second, "b", columns));
        }
        intact();
    }

    private static String swapInto(long seq, String from, String columns) {
        return "UPDATE audit_entry SET (" + columns + ") = (SELECT " + columns + " FROM " + from + ") WHERE seq = " + seq;
    }

    private void brokenAt(long seq, String reasonPart) {
        given().auth().oauth2(admin).get(VERIFY).then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) seq))
                .body("reason", org.hamcrest.Matchers.containsString(reasonPart));
    }

    private void intact() {
        given().auth().oauth2(admin).get(VERIFY).then().statusCode(200).body("valid", equalTo(true));
    }

    /** Makes sure at least two entries exist (and the chain verifies), returns the newest entry's seq. */
    private long latestEntry() throws SQLException {
        Visits.schedule(clinician, TestTokens.newSubject());
        Visits.schedule(clinician, TestTokens.newSubject());
        intact();
        try (Connection owner = connect("call"); Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("SELECT max(seq) FROM audit_entry")) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static String actorOf(long seq, Connection owner) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement("SELECT actor FROM audit_entry WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static void setActor(Connection owner, long seq, String actor) throws SQLException {
        try (PreparedStatement update = owner.prepareStatement("UPDATE audit_entry SET actor = ? WHERE seq = ?")) {
            update.setString(1, actor);
            update.setLong(2, seq);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestStack.pgPort() + "/call", role,
                TestStack.dbPassword());
    }
}
