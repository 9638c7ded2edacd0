"""Events: the trigger lexicon, trigger matching, and actor/recipient roles from the parse."""
