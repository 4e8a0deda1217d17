package dev.daehwa.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.application.auth.Revocation;
import dev.daehwa.application.events.ChatEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NodeMessagesTest {

    @Test
    void everyMessageReadsBackAsItWasWritten() {
        List<NodeMessage> messages = List.of(
                new NodeMessage.Changed("a", new ChatEvent.MessagePosted(1, 2, 3)),
                new NodeMessage.Changed("a", new ChatEvent.MessageEdited(1, 2)),
                new NodeMessage.Changed("a", new ChatEvent.MessageDeleted(1, 2, 3)),
                new NodeMessage.Changed("a", new ChatEvent.ReactionsChanged(1, 2)),
                new NodeMessage.Changed("a", new ChatEvent.RoomChanged(4)),
                new NodeMessage.Changed("a", new ChatEvent.MemberRemoved(4, 5)),
                new NodeMessage.Changed("a", new ChatEvent.RoomArchived(4, Set.of(5L, 6L))),
                new NodeMessage.Changed("a", new ChatEvent.ReadMarkerMoved(4, Long.MAX_VALUE)),
                new NodeMessage.Typing("b", 7, 8),
                new NodeMessage.Online("노드", 9),
                new NodeMessage.Offline("b", 9),
                new NodeMessage.Beat("b", 10, 0, 1, List.of(1L, 2L)),
                new NodeMessage.Revoked("b", new Revocation.TokenRevoked("ab12")),
                new NodeMessage.Revoked("b", new Revocation.LoginEnded("cd34")),
                new NodeMessage.Revoked("b", new Revocation.SignedOut(Long.MAX_VALUE, null)),
                new NodeMessage.Revoked("b", new Revocation.SignedOut(1, new CallerCredential.ApiToken("ef56"))),
                new NodeMessage.Revoked("b", new Revocation.SignedOut(1, new CallerCredential.Login("ab78"))),
                new NodeMessage.Left("b"));
        for (NodeMessage message : messages) {
            assertEquals(Optional.of(message), NodeMessages.decode(NodeMessages.encode(message)));
        }
    }

    @Test
    void unreadableMessagesDecodeToNothing() {
        for (String text : List.of("", "{", "[]", "{\"n\":\"a\"}", "{\"n\":\"a\",\"t\":\"nope\"}",
                "{\"n\":\"a\",\"t\":\"online\",\"u\":\"x\"}", "{\"n\":\"a\",\"t\":\"online\",\"u\":1.5}",
                "{\"n\":\"a\",\"t\":\"changed\",\"e\":\"posted\",\"r\":1}",
                "{\"n\":\"a\",\"t\":\"revoked\",\"k\":\"nope\",\"h\":\"ab\"}",
                "{\"n\":\"a\",\"t\":\"revoked\",\"k\":\"token\"}")) {
            assertEquals(Optional.empty(), NodeMessages.decode(text), text);
        }
    }

    @Test
    void longListsAreSplitIntoMessagesThatFitTheChannel() {
        List<Long> users = LongStream.range(Long.MAX_VALUE - 1000, Long.MAX_VALUE).boxed().toList();
        List<NodeMessage.Beat> beat = NodeMessages.beat("node", 1, users);
        assertEquals(4, beat.size());
        assertEquals(users, beat.stream().flatMap(part -> part.userIds().stream()).toList());
        beat.forEach(part -> assertFits(part));

        Set<Long> members = new HashSet<>(users);
        List<NodeMessage.Changed> archived = NodeMessages.changed("node", new ChatEvent.RoomArchived(1, members));
        assertEquals(4, archived.size());
        archived.forEach(NodeMessagesTest::assertFits);
        assertEquals(members, archived.stream()
                .flatMap(part -> ((ChatEvent.RoomArchived) part.event()).memberIds().stream()).collect(Collectors.toSet()));
    }

    @Test
    void aBeatOfNobodyIsStillOneMessage() {
        assertEquals(List.of(new NodeMessage.Beat("n", 3, 0, 1, List.of())), NodeMessages.beat("n", 3, List.of()));
    }

    private static void assertFits(NodeMessage message) {
        int bytes = NodeMessages.encode(message).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= NodeChannel.MAX_MESSAGE_BYTES, bytes + " bytes");
    }
}
