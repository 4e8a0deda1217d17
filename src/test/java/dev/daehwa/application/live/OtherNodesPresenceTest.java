package dev.daehwa.application.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.cluster.NodeMessage;
import dev.daehwa.application.live.OtherNodesPresence.Change;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtherNodesPresenceTest {

    private final OtherNodesPresence presence = new OtherNodesPresence(15_000);

    @Test
    void aUserIsOnlineElsewhereWhileAnyOtherNodeHasThem() {
        assertEquals(new Change(Set.of(1L), Set.of()), presence.online("b", 1, 0));
        assertEquals(Change.NONE, presence.online("c", 1, 0), "already online on b");
        assertEquals(Change.NONE, presence.offline("b", 1, 0), "still on c");
        assertTrue(presence.has(1));
        assertEquals(new Change(Set.of(), Set.of(1L)), presence.offline("c", 1, 0));
        assertFalse(presence.has(1));
        assertEquals(Change.NONE, presence.offline("c", 1, 0), "offline twice changes nothing");
    }

    @Test
    void aBeatReplacesTheNodesUsersOnlyOnceAllItsPartsArrived() {
        presence.online("b", 1, 0);
        assertEquals(Change.NONE, presence.beat(new NodeMessage.Beat("b", 7, 0, 2, List.of(2L)), 0));
        assertTrue(presence.has(1), "half a beat replaces nothing");
        assertFalse(presence.has(2));
        assertEquals(new Change(Set.of(2L, 3L), Set.of(1L)),
                presence.beat(new NodeMessage.Beat("b", 7, 1, 2, List.of(3L)), 0));
        assertTrue(presence.has(2));
        assertFalse(presence.has(1), "the complete beat no longer lists user 1");
    }

    @Test
    void partsOfAnOlderBeatAreNotMixedIntoANewerOne() {
        presence.beat(new NodeMessage.Beat("b", 1, 0, 2, List.of(1L)), 0);
        presence.beat(new NodeMessage.Beat("b", 2, 1, 2, List.of(2L)), 0);
        assertFalse(presence.has(1));
        assertFalse(presence.has(2));
        assertEquals(new Change(Set.of(2L, 4L), Set.of()), presence.beat(new NodeMessage.Beat("b", 2, 0, 2, List.of(4L)), 0));
        assertFalse(presence.has(1), "user 1 was only in beat 1");
    }

    @Test
    void aNodeThatLeavesOrFallsSilentTakesItsUsersWithIt() {
        presence.online("b", 1, 0);
        presence.online("c", 2, 10_000);
        presence.online("c", 1, 10_000);
        assertEquals(Change.NONE, presence.expire(15_000));
        assertEquals(Change.NONE, presence.expire(15_001), "b is gone, but user 1 is still on c");
        assertEquals(Set.of("c"), presence.nodes());
        assertEquals(new Change(Set.of(), Set.of(1L, 2L)), presence.left("c"));
        assertEquals(Set.of(), presence.nodes());
        assertEquals(new Change(Set.of(), Set.of(5L)), silentAfter("d", 5));
    }

    private Change silentAfter(String node, long user) {
        presence.online(node, user, 100_000);
        presence.online("e", 6, 200_000);
        return presence.expire(200_000);
    }
}
