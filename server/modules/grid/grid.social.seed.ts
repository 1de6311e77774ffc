export async function seedSocial() { return { skipped: "todo" }; }
