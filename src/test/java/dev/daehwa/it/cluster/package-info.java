/**
 * Several app nodes on one PostgreSQL behaving as one chat: live delivery, resume, presence,
 * sessions and email across nodes, and a node killed mid-conversation. PostgreSQL pass only.
 */
package dev.daehwa.it.cluster;
