# placeholder so the embed list is never empty
