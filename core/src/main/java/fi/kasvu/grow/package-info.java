/**
 * GROW coaching conversations: Goal, Reality, Options and Will (the way forward), visited in
 * order and revisited as the conversation loops.
 *
 * <p>Start with {@link fi.kasvu.grow.GrowConversation#start}; change it field by field with its
 * {@code with…}/{@code add…} operations, each returning a new immutable conversation; ask
 * {@link fi.kasvu.grow.GrowRules} what is still missing (every rule lives there); store it through
 * {@link fi.kasvu.grow.GrowConversations}; and let {@link fi.kasvu.grow.GrowService} save changes and
 * tell embedding systems about them through {@link fi.kasvu.grow.GrowEvents}. What anyone but the
 * coachee may see is decided in one place, {@link fi.kasvu.grow.ConversationView}.
 */
package fi.kasvu.grow;
