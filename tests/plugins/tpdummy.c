/* A shared library a test plugin links against; the test deletes it to check
 * the "shared library missing" refusal. */
int tpdummy_answer(void);

int tpdummy_answer(void)
{
    return 42;
}
