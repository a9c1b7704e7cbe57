/** Names for the people who sign and fill in demo documents (never written into free text). */
export const LEARNERS = ["Priya Shah", "Daniel Okafor", "Hannah Lindqvist", "Marcus Whitfield", "Aisha Kowalski", "Rhys Adeyemi", "Catrin Brennan", "Tom Nakamura"];
export const SUPERVISORS = ["Helen Marsh", "Graham Osei", "Fiona Carver", "Neil Ashworth"];
export const CLIENT_NAMES = ["Sarah Patel", "Emma Hughes", "Laura Fletcher", "Rachel Dunmore", "Claire Oyelaran", "Sophie Tremlett", "Joanne Pryce", "Nicola Haddon", "Rebecca Varga"];
export const STAKEHOLDERS = ["Ian Pemberton", "Julie Sandoval", "Keith Amberley", "Gemma Rushworth", "Colin Faraday", "Denise Calloway"];
