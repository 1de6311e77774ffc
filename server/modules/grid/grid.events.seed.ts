export async function seedEvents() { return {}; }
