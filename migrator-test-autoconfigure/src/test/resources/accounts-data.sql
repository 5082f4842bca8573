INSERT INTO accounts (email, display_name) VALUES ('barbara@example.com', 'Barbara');
