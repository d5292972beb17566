"""Exchange packages between installations: format, signing, encryption, export, merge, receipts."""
